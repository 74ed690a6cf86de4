/* Written for xtask/tests/upstream.rs: line 5 has a value no header spells so. */
typedef enum {
  CURLE_OK = 0,
  CURLE_UNSUPPORTED_PROTOCOL,    /* 1 */
  CURLE_EXAMPLE_BROKEN = 1 << 2,
  CURL_LAST
} CURLcode;
