// netcodes test fixture: net_error_list.h format with a mistake on line 7.

// Fine.
NET_ERROR(EXAMPLE_FINE, -1)

// The comma is missing.
NET_ERROR(EXAMPLE_BROKEN -2)
