// netcodes test fixture, written for xtask/tests/upstream.rs in the format of
// Chromium's net/base/net_error_list.h. It holds only the changes against
// data/chromium/net_error.csv; the test puts a NET_ERROR line (or, for a
// removed number, a removal comment) for every code this file does not
// mention in front of it.

// Added.
NET_ERROR(EXAMPLE_ADDED, -38)

// Added, with the arguments wrapped onto a second line.
NET_ERROR(EXAMPLE_ADDED_WITH_A_NAME_LONG_ENOUGH_TO_WRAP,
          -907)

// Renamed: data/ has BLOCKED_BY_CLIENT at -20.
NET_ERROR(BLOCKED_BY_CLIENT_EXAMPLE, -20)

// Renumbered: data/ has FILE_EXISTS at -16.
NET_ERROR(FILE_EXISTS, -39)

// Removed, in the comment styles the header uses.
// Error -21 was removed (NETWORK_CHANGED).
// -17 was FILE_PATH_TOO_LONG which is no longer used.
// Error -19 was removed
// -18 is availible: was FILE_NO_SPACE.

// Numbers data/ never had, retired here: kept as removed rows.
// Error -40 was removed (EXAMPLE_RETIRED)
// -41 was formerly ERR_EXAMPLE_RETIRED_TOO
// A free number data/ never had: nothing to record.
// -42 is available: was EXAMPLE_FREE.

// Declared again: data/ has -24 as removed.
NET_ERROR(BLOCKED_ENROLLMENT_CHECK_PENDING, -24)

/* A certificate error appended at the end of the range, so the sentinel
   moves: NET_ERROR(CERT_END, -220) is now -221. */
NET_ERROR(CERT_EXAMPLE_APPENDED, -220)
NET_ERROR(CERT_END, -221)
