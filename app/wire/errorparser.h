#pragma once

#include "wire/fimerror.h"

#include <QByteArrayView>
#include <QDateTime>
#include <QString>

#include <optional>

// Turns an HTTP error answer into a FimError with a message a person can act on. Understands every
// error shape of Codestral, Mistral's API and the seed proxy (see REFERENCE.md §1-2); anything else,
// including HTML and empty bodies, is reduced to a short plain-text excerpt.
namespace ErrorParser {

// The server's own words from an error body, or an empty string when it said nothing usable.
QString serverMessage(QByteArrayView body);

// Seconds to wait from a Retry-After value (delta-seconds or an HTTP date), relative to now.
std::optional<int> parseRetryAfter(QByteArrayView value, const QDateTime &now = QDateTime::currentDateTimeUtc());

// status: HTTP status (>= 400); host: the endpoint's host name, named in the message.
FimError fromHttp(int status, QByteArrayView body, QByteArrayView retryAfter, const QString &host,
                  const QDateTime &now = QDateTime::currentDateTimeUtc());

} // namespace ErrorParser
