// Logs network failures in a Qt 6 program with netcodes.hpp: a failed
// QNetworkReply with its description and retry decision, and a page load
// failure as QtWebEngine reports it, a bare Chromium net error code.
#include <QtCore/QCoreApplication>
#include <QtCore/QDebug>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

// After Qt's headers, so that it also takes QNetworkReply::NetworkError.
#include <netcodes.hpp>

// netcodes::qt holds Qt's own values: checked at compile time.
static_assert(netcodes::name(QNetworkReply::HostNotFoundError) == "HostNotFoundError");

// What went wrong, and whether to send the request again.
static void logFailure(const QNetworkReply &reply)
{
    const QNetworkReply::NetworkError error = reply.error();
    const bool idempotent = reply.operation() == QNetworkAccessManager::GetOperation;
    bool hasRetryAfter = false;
    const uint retryAfter = reply.rawHeader("Retry-After").toUInt(&hasRetryAfter);
    const netcodes::RetryDecision retry = netcodes::retry_decision(
        error, idempotent, hasRetryAfter ? std::optional<std::uint32_t>(retryAfter) : std::nullopt);

    qWarning().noquote() << "request failed:" << netcodes::to_qstring(error) << "-"
                         << netcodes::to_qstring(netcodes::describe(error));
    if (!retry.retry) {
        qWarning() << "  do not retry";
    } else if (retry.new_connection) {
        qWarning() << "  retry in" << retry.after << "s on a new connection";
    } else {
        qWarning() << "  retry in" << retry.after << "s";
    }
}

// QWebEngineLoadingInfo::errorCode() is a Chromium net error (-105 is
// ERR_NAME_NOT_RESOLVED); one netcodes does not know still prints something.
static void logPageLoadFailure(int errorCode)
{
    const auto error = static_cast<netcodes::chromium::NetError>(errorCode);
    qWarning().noquote() << "page load failed:" << netcodes::to_qstring(error) << "-"
                         << netcodes::to_qstring(netcodes::describe(error));
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    logPageLoadFailure(-105);
    logPageLoadFailure(-1234);

    // Two real failures: a scheme Qt has no handler for, and a port nothing listens on.
    QNetworkAccessManager manager;
    int pending = 0;
    for (const char *url : {"netcodes-example://host/", "http://127.0.0.1:1/"}) {
        QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(QString::fromLatin1(url))));
        ++pending;
        QObject::connect(reply, &QNetworkReply::finished, &app, [&app, &pending, reply] {
            logFailure(*reply);
            reply->deleteLater();
            if (--pending == 0) {
                app.quit();
            }
        });
    }
    return app.exec();
}
