#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// One fill-in-the-middle request. Only the fields that are set go on the wire.
struct FimRequest
{
    QString model;           // empty: not sent (the seed proxy picks its own)
    QString prompt;          // text before the cursor
    QString suffix;          // text after the cursor
    std::optional<int> maxTokens;
    std::optional<int> minTokens;
    std::optional<double> temperature;
    std::optional<double> topP;
    QStringList stop;
    std::optional<qint64> randomSeed;
    bool stream = false;

    QByteArray toJson() const;
    // The request a toJson() body describes (Mistral's FIM format); nullopt with *error when the
    // body is no JSON object or prompt is missing.
    static std::optional<FimRequest> fromJson(const QByteArray &body, QString *error);
    // A short, stable description of everything but prompt and suffix (for cache keys).
    QByteArray parameterKey() const;

    friend bool operator==(const FimRequest &, const FimRequest &) = default;
};
