// -140 as an older net_error_list.h declared it, before Chromium renamed it
// HTTPS_PROXY_TUNNEL_RESPONSE_REDIRECT (and later retired the number).
NET_ERROR(HTTPS_PROXY_TUNNEL_RESPONSE, -140)
