// netcodes test fixture, written for xtask/tests/upstream.rs in the shape of
// Qt's qnetworkreply.h: the NetworkError enum with these changes against
// data/qt/network_error.csv: ExampleAddedError added (12, by implicit
// increment), BackgroundRequestNotAllowedError (9) removed,
// OperationCanceledError renamed to OperationCancelledError, ProtocolFailure
// renumbered from 399 to 398.

#ifndef EXAMPLE_QNETWORKREPLY_H
#define EXAMPLE_QNETWORKREPLY_H

class QNetworkReply : public QIODevice
{
    Q_OBJECT
public:
    enum ExampleOtherEnum { First, Second = 5 };

    enum NetworkError {
        NoError = 0,

        // network layer errors [relating to the destination server] (1-99):
        ConnectionRefusedError = 1,
        RemoteHostClosedError,
        HostNotFoundError,
        TimeoutError,
        OperationCancelledError,
        SslHandshakeFailedError,
        TemporaryNetworkFailureError,
        NetworkSessionFailedError,
        TooManyRedirectsError = 10,
        InsecureRedirectError,
        ExampleAddedError,
        UnknownNetworkError = 99,

        // proxy errors (101-199):
        ProxyConnectionRefusedError = 101,
        ProxyConnectionClosedError,
        ProxyNotFoundError,
        ProxyTimeoutError,
        ProxyAuthenticationRequiredError,
        UnknownProxyError = 199,

        /* content errors (201-299), a block comment,
           over two lines */
        ContentAccessDenied = 201,
        ContentOperationNotPermittedError,
        ContentNotFoundError,
        AuthenticationRequiredError,
        ContentReSendError,
        ContentConflictError,
        ContentGoneError,   // trailing comment, with a comma
        UnknownContentError = 299,

        // protocol errors
        ProtocolUnknownError = 301,
        ProtocolInvalidOperationError,
        ProtocolFailure = 398,

        // Server side errors (401-499)
        InternalServerError = 401,
        OperationNotImplementedError Q_DECL_ENUMERATOR_DEPRECATED_X("example, with a comma"),
        ServiceUnavailableError,
        UnknownServerError = 499
    };
    Q_ENUM(NetworkError)
};

#endif
