// netcodes.h in a Qt 6 program: the name, description and gateway HTTP
// status of QNetworkReply errors, and the error Qt reports for an HTTP status.
#include <QtCore/QCoreApplication>
#include <QtCore/QString>
#include <QtCore/QTextStream>
#include <QtCore/QUrl>
#include <QtNetwork/QNetworkAccessManager>
#include <QtNetwork/QNetworkReply>
#include <QtNetwork/QNetworkRequest>

#include "netcodes.h"

// netcodes' constants are Qt's own values; a few checked by hand...
static_assert(static_cast<int>(QNetworkReply::NoError) == NETCODES_QT_NO_ERROR, "NoError");
static_assert(static_cast<int>(QNetworkReply::HostNotFoundError) == NETCODES_QT_HOST_NOT_FOUND_ERROR,
              "HostNotFoundError");
static_assert(static_cast<int>(QNetworkReply::UnknownServerError) == NETCODES_QT_UNKNOWN_SERVER_ERROR,
              "UnknownServerError");

// ...and, when the build passes one, a header that checks them all.
#ifdef NETCODES_EXAMPLE_ASSERTS
#include NETCODES_EXAMPLE_ASSERTS
#endif

static QString text(const char *utf8)
{
    return utf8 != nullptr ? QString::fromUtf8(utf8) : QStringLiteral("(none)");
}

// What a gateway logs for a failed upstream reply, and the status it answers with.
static void describe(QTextStream &out, QNetworkReply::NetworkError error)
{
    const int code = error;
    out << "Qt " << code << ' ' << text(netcodes_qt_name(code)) << ": "
        << text(netcodes_qt_description(code)) << '\n';
    if (const netcodes_rule *rule = netcodes_http_from_qt_rule(code)) {
        out << "  answer HTTP " << rule->to << ' ' << text(netcodes_http_reason(rule->to)) << " ("
            << netcodes_mapping_kind_id(rule->kind) << ")\n";
    }
}

// The error Qt puts on a reply that received this HTTP status.
static void fromStatus(QTextStream &out, int status)
{
    const int error = netcodes_qt_from_http_status(status);
    out << "HTTP " << status << ' ' << text(netcodes_http_reason(status)) << " -> Qt "
        << text(netcodes_qt_name(error)) << '\n';
}

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);

    for (QNetworkReply::NetworkError error :
         {QNetworkReply::HostNotFoundError, QNetworkReply::TimeoutError, QNetworkReply::ContentNotFoundError,
          QNetworkReply::ProxyAuthenticationRequiredError, QNetworkReply::ServiceUnavailableError}) {
        describe(out, error);
    }
    for (int status : {404, 429, 502, 599}) {
        fromStatus(out, status);
    }
    // A code from a newer Qt is not an error to pass in: netcodes does not know it.
    out << "Qt 98 known: " << (netcodes_qt_is_known(98) ? "yes" : "no") << '\n';

    // A real reply: Qt has no handler for this scheme, and says so with an error code.
    QNetworkAccessManager manager;
    QNetworkReply *reply = manager.get(QNetworkRequest(QUrl(QStringLiteral("netcodes-example://host/"))));
    QObject::connect(reply, &QNetworkReply::finished, &app, [&] {
        const int code = reply->error();
        out << "reply Qt " << code << ' ' << text(netcodes_qt_name(code)) << '\n';
        out.flush();
        reply->deleteLater();
        app.quit();
    });
    return app.exec();
}
