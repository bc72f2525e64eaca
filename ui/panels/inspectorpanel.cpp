#include "inspectorpanel.h"

#include "curlcommand.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace {
QString headersText(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QString out;
    for (const auto &[name, value] : headers) {
        // Defence in depth: whatever recorded the headers, no credential is shown.
        const bool secret = name.compare("authorization", Qt::CaseInsensitive) == 0
            || name.compare("cf-aig-authorization", Qt::CaseInsensitive) == 0;
        out += QString::fromLatin1(name) + QStringLiteral(": ")
            + (secret ? QStringLiteral("Bearer <redacted>") : QString::fromUtf8(value)) + QLatin1Char('\n');
    }
    return out;
}
} // namespace

InspectorPanel::InspectorPanel(QWidget *parent)
    : QWidget(parent)
    , m_request(new QPlainTextEdit(this))
    , m_answer(new QPlainTextEdit(this))
    , m_copy(new QPushButton(tr("Copy as curl"), this))
{
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit *edit : {m_request, m_answer}) {
        edit->setReadOnly(true);
        edit->setFont(mono);
        edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    }
    m_request->setPlaceholderText(tr("The next request will show here."));
    m_answer->setPlaceholderText(tr("Its raw answer or SSE events will show here."));
    m_split = new QSplitter(Qt::Vertical, this);
    m_split->setObjectName(QStringLiteral("inspectorSplit"));
    m_split->addWidget(m_request);
    m_split->addWidget(m_answer);
    m_split->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_split, 1);
    layout->addWidget(m_copy);
    m_copy->setEnabled(false);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_curl); });
}

void InspectorPanel::showExchange(const Endpoint &endpoint, const Exchange &x)
{
    const QJsonDocument body = QJsonDocument::fromJson(x.requestBody);
    // What the model reads comes first when known: the prompt with its special tokens.
    QString prompt;
    if (!x.rawPrompt.isEmpty()) {
        prompt = (x.promptFromServer ? tr("── The prompt as the model reads it (as %1 built it) ──").arg(x.url.host())
                                     : tr("── The prompt as the model reads it (template %1) ──").arg(x.templateTitle))
            + QLatin1Char('\n') + x.rawPrompt + QLatin1Char('\n') + tr("── The request ──") + QLatin1Char('\n');
    }
    m_request->setPlainText((x.note.isEmpty() ? QString() : QStringLiteral("ⓘ ") + x.note + QStringLiteral("\n\n")) + prompt
                            + QStringLiteral("POST ") + x.url.toString() + QLatin1Char('\n') + headersText(x.requestHeaders)
                            + QLatin1Char('\n')
                            + (body.isNull() ? QString::fromUtf8(x.requestBody) : QString::fromUtf8(body.toJson(QJsonDocument::Indented))));
    m_answer->setPlainText(QStringLiteral("HTTP %1\n").arg(x.httpStatus) + headersText(x.responseHeaders) + QLatin1Char('\n')
                           + QString::fromUtf8(x.rawAnswer));
    bool hasAuthorization = false;
    for (const auto &header : x.requestHeaders)
        hasAuthorization = hasAuthorization || header.first.compare("authorization", Qt::CaseInsensitive) == 0;
    const bool stream = body.object().value(u"stream").toBool();
    m_curl = curlCommand(endpoint, x.url, body.isNull() ? x.requestBody : body.toJson(QJsonDocument::Compact), hasAuthorization, stream);
    m_copy->setEnabled(true);
}

QString InspectorPanel::requestText() const
{
    return m_request->toPlainText();
}

QString InspectorPanel::answerText() const
{
    return m_answer->toPlainText();
}
