// Template for tests/upstream_qt.rs: the test replaces the marker line below
// with one static_assert per QNetworkReply::NetworkError row of
// data/qt/network_error.csv and compiles the result against Qt's own header.
// A wrong value or a misspelt name is a compile error that names the row.
#include <QtNetwork/qnetworkreply.h>

// @ASSERTS@

int main() { return 0; }
