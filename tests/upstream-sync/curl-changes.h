/* Written for xtask/tests/upstream.rs in the form of curl's include/curl/curl.h.
   The test writes an enumerator for every other code of data/curl where
   EXAMPLE_CODES stands; this file holds only the changes: CURLE_TOO_LARGE
   is gone, 101 has a new name, and two codes are new (the second numbered
   implicitly). */
#ifndef EXAMPLE_CURL_H
#define EXAMPLE_CURL_H

typedef enum {
  EXAMPLE_CODES
  CURLE_OBSOLETE101 = 101,       /* 101 - renamed for the test */
  CURLE_EXAMPLE_ADDED = 102,     /* 102 - made up for the test */
  CURLE_EXAMPLE_NEXT,            /* 103 */
  CURL_LAST /* never use! */
} CURLcode;

#endif
