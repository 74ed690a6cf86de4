// netcodes test fixture: qnetworkreply.h shape with a value that is not a
// number on line 7.

enum NetworkError {
    NoError = 0,
    ConnectionRefusedError = 1,
    ExampleBrokenError = 1 << 2,
    UnknownNetworkError = 99
};
