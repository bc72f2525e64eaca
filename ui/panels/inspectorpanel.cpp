#include "panels/inspectorpanel.h"

#include "backends/fimbackend.h"
#include "panels/resenddialog.h"
#include "panels/tokenprobabilityview.h"
#include "wire/curlcommand.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QDataStream>
#include <QSplitter>
#include <QDateTime>
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
    , m_list(new QListWidget(this))
    , m_request(new QPlainTextEdit(this))
    , m_answer(new QPlainTextEdit(this))
    , m_tokens(new TokenProbabilityView(this))
    , m_copy(new QPushButton(tr("Copy as curl"), this))
    , m_resend(new QPushButton(tr("Edit and Resend…"), this))
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
    auto *answerSide = new QWidget(this); // the raw answer, and below it its token probabilities
    auto *answerLayout = new QVBoxLayout(answerSide);
    answerLayout->setContentsMargins(0, 0, 0, 0);
    answerLayout->addWidget(m_answer, 1);
    answerLayout->addWidget(m_tokens);
    m_tokens->hide();
    m_split->addWidget(answerSide);
    m_split->setChildrenCollapsible(false);
    m_list->setObjectName(QStringLiteral("exchangeList"));
    m_list->setAccessibleName(tr("Exchanges"));
    m_request->setAccessibleName(tr("Request as sent"));
    m_answer->setAccessibleName(tr("Answer as received"));
    m_list->setToolTip(tr("The last %1 exchanges, newest first").arg(MaxExchanges));
    m_outer = new QSplitter(Qt::Horizontal, this);
    m_outer->setObjectName(QStringLiteral("inspectorListSplit"));
    m_outer->addWidget(m_list);
    m_outer->addWidget(m_split);
    m_outer->setStretchFactor(1, 1);
    m_outer->setSizes({fontMetrics().horizontalAdvance(QLatin1Char('x')) * 46, 800}); // a row's time, kind, status, route
    m_outer->setChildrenCollapsible(false);
    connect(m_list, &QListWidget::currentRowChanged, this, &InspectorPanel::display);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_outer, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_copy);
    buttons->addWidget(m_resend);
    layout->addLayout(buttons);
    m_copy->setEnabled(false);
    m_resend->setObjectName(QStringLiteral("resendButton"));
    m_resend->setToolTip(tr("Edit this request's JSON body, check it and send it again"));
    m_resend->setEnabled(false);
    connect(m_resend, &QPushButton::clicked, this, &InspectorPanel::editAndResend);
    connect(m_copy, &QPushButton::clicked, this, [this] { QApplication::clipboard()->setText(m_curl); });
}

void InspectorPanel::showExchange(const Endpoint &endpoint, const Exchange &x)
{
    // Following the newest unless an older exchange is being read: that one stays on screen (the
    // list keeps its current item as rows are inserted above it).
    const bool following = m_list->currentRow() <= 0;
    m_history.prepend(Entry{endpoint, x});
    auto *item = new QListWidgetItem(rowText(x));
    item->setData(Qt::UserRole, x.id);
    item->setToolTip(item->text() + QLatin1Char('\n') + x.url.toString()); // whole, where the list is narrow
    m_list->insertItem(0, item);
    while (m_history.size() > MaxExchanges) {
        m_cleaning.remove(m_history.constLast().exchange.id);
        m_origins.remove(m_history.constLast().exchange.id);
        m_history.removeLast();
        delete m_list->takeItem(m_list->count() - 1);
    }
    if (following) {
        m_list->setCurrentRow(0);
        display(0);
    }
}

bool InspectorPanel::showExchangeWithId(quint64 id)
{
    for (int row = 0; row < m_history.size(); ++row) {
        if (m_history.at(row).exchange.id == id) {
            m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

void InspectorPanel::display(int row)
{
    if (row < 0 || row >= m_history.size())
        return;
    const Endpoint &endpoint = m_history.at(row).endpoint;
    const Exchange &x = m_history.at(row).exchange;
    const QJsonDocument body = QJsonDocument::fromJson(x.requestBody);
    // What the model reads comes first when known: the prompt with its special tokens.
    QString prompt;
    if (!x.rawPrompt.isEmpty()) {
        prompt = (x.promptFromServer ? tr("── The prompt as the model reads it (as %1 built it) ──").arg(x.url.host())
                                     : tr("── The prompt as the model reads it (template %1) ──").arg(x.templateTitle))
            + QLatin1Char('\n') + x.rawPrompt + QLatin1Char('\n');
        // As the server split it into tokens, where it can say (asked once, then kept).
        if (m_tokenizer && m_tokenizer->available() && m_tokenizer->endpoint().baseUrl == endpoint.baseUrl) {
            if (const QList<TokenPiece> *tokens = m_tokenizer->cached(x.rawPrompt))
                prompt += tr("── As %1 tokenised it: %n token(s) (special tokens in ⟦ ⟧) ──", nullptr, int(tokens->size()))
                              .arg(x.url.host())
                    + QLatin1Char('\n') + tokenText(*tokens) + QLatin1Char('\n');
            else
                m_tokenizer->tokenize(x.rawPrompt);
        }
        prompt += tr("── The request ──") + QLatin1Char('\n');
    }
    // (A plain "»": the fixed font has no circled i.)
    const QString origin = m_origins.value(x.id);
    m_request->setPlainText((origin.isEmpty() ? QString() : QStringLiteral("» ") + tr("Asked by: %1").arg(origin) + QLatin1Char('\n'))
                            + (x.note.isEmpty() ? QString() : QStringLiteral("» ") + x.note + QLatin1Char('\n'))
                            + (origin.isEmpty() && x.note.isEmpty() ? QString() : QStringLiteral("\n")) + prompt
                            + QStringLiteral("POST ") + x.url.toString() + QLatin1Char('\n') + headersText(x.requestHeaders)
                            + QLatin1Char('\n')
                            + (body.isNull() ? QString::fromUtf8(x.requestBody) : QString::fromUtf8(body.toJson(QJsonDocument::Indented))));
    QString cleaning;
    if (const auto it = m_cleaning.constFind(x.id); it != m_cleaning.cend()) {
        cleaning = tr("── What the editor showed ──") + QLatin1Char('\n') + it->text + QLatin1Char('\n');
        cleaning += it->steps.isEmpty() ? tr("── No cleaning rule changed the answer ──") + QLatin1Char('\n')
                                        : tr("── Cleaning rules that fired (Completion ▸ Cleaning Rules) ──") + QLatin1Char('\n');
        for (const AnswerCleaner::Step &step : it->steps)
            cleaning += QStringLiteral("• ") + AnswerCleaner::describe({step}) + QLatin1Char('\n');
        cleaning += tr("── The raw answer ──") + QLatin1Char('\n');
    }
    // Laying out a quarter of a megabyte of text stalls the window for a moment: the first 64 KiB
    // are shown, and how much more there was.
    constexpr qsizetype Shown = 64 * 1024;
    const QString raw = QString::fromUtf8(x.rawAnswer.left(Shown))
        + (x.rawAnswer.size() > Shown ? tr("\n… %1 KiB more not shown (the history keeps the first 256 KiB)")
                                            .arg((x.rawAnswer.size() - Shown) / 1024)
                                      : QString());
    // A failure without an answer (refused, reset, timed out) has no HTTP status: its words instead.
    const QString status = x.httpStatus > 0 ? QStringLiteral("HTTP %1\n").arg(x.httpStatus)
                                            : tr("No HTTP answer: %1\n").arg(x.error.isEmpty() ? tr("none came") : x.error);
    m_answer->setPlainText(cleaning + status + headersText(x.responseHeaders) + QLatin1Char('\n') + raw);
    const QList<TokenProbability> probs = FimBackend::forKind(x.kind).probabilitiesIn(x.rawAnswer);
    m_tokens->setTokens(probs);
    m_tokens->setVisible(!probs.isEmpty());
    bool hasAuthorization = false;
    for (const auto &header : x.requestHeaders)
        hasAuthorization = hasAuthorization || header.first.compare("authorization", Qt::CaseInsensitive) == 0;
    const bool stream = body.object().value(u"stream").toBool();
    m_curl = curlCommand(endpoint, x.url, body.isNull() ? x.requestBody : body.toJson(QJsonDocument::Compact), hasAuthorization, stream);
    m_copy->setEnabled(true);
    m_resend->setEnabled(true);
}

void InspectorPanel::setCleaning(quint64 id, const AnswerCleaner::Cleaned &cleaned)
{
    m_cleaning.insert(id, cleaned);
    if (const Exchange *x = currentExchange(); x && x->id == id)
        display(m_list->currentRow());
}

QString InspectorPanel::rowText(const Exchange &x) const
{
    // When it was asked (a row opened from History keeps its own time), and who asked, if not the editor.
    const QDateTime when = x.timing.scheduledAt.isValid() ? x.timing.scheduledAt.toLocalTime() : QDateTime::currentDateTime();
    const QString origin = m_origins.value(x.id);
    return QStringLiteral("%1  %2  %3  %4")
               .arg(when.toString(QStringLiteral("HH:mm:ss")), endpointKindName(x.kind))
               .arg(x.httpStatus)
               .arg(x.url.path().section(QLatin1Char('/'), -2))
        + (origin.isEmpty() ? QString() : QStringLiteral("  · ") + origin);
}

void InspectorPanel::setOrigin(quint64 id, const QString &origin)
{
    m_origins.insert(id, origin);
    for (int row = 0; row < m_history.size(); ++row) {
        if (m_history.at(row).exchange.id == id) {
            m_list->item(row)->setText(rowText(m_history.at(row).exchange));
            m_list->item(row)->setToolTip(m_list->item(row)->text() + QLatin1Char('\n') + m_history.at(row).exchange.url.toString());
            if (row == m_list->currentRow())
                display(row);
        }
    }
}

void InspectorPanel::setTokenizer(ServerTokenizer *tokenizer)
{
    if (m_tokenizer)
        m_tokenizer->disconnect(this);
    m_tokenizer = tokenizer;
    if (!tokenizer)
        return;
    connect(tokenizer, &ServerTokenizer::tokenized, this, [this](const QUrl &, const QString &text) {
        if (const Exchange *x = currentExchange(); x && x->rawPrompt == text)
            display(m_list->currentRow());
    });
}

QString InspectorPanel::tokenText(const QList<TokenPiece> &tokens)
{
    QString out;
    for (qsizetype i = 0; i < tokens.size(); ++i) {
        const TokenPiece &t = tokens.at(i);
        if (i > 0 && !out.endsWith(QLatin1Char('\n')))
            out += QStringLiteral("·");
        QString piece = t.piece;
        piece.replace(QLatin1Char('\n'), QStringLiteral("↵\n")).replace(QLatin1Char('\t'), QStringLiteral("→"));
        out += t.special ? QStringLiteral("⟦") + piece + QStringLiteral("⟧") : piece;
    }
    return out;
}

const Exchange *InspectorPanel::currentExchange() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_history.size() ? &m_history.at(row).exchange : nullptr;
}

void InspectorPanel::editAndResend()
{
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_history.size())
        return;
    const Entry entry = m_history.at(row);
    ResendDialog dialog(entry.exchange.kind, entry.exchange.url, entry.exchange.requestBody, this);
    if (dialog.exec() == QDialog::Accepted && !dialog.body().isEmpty())
        emit resendRequested(entry.endpoint, entry.exchange.url, dialog.body());
}

QString InspectorPanel::requestText() const
{
    return m_request->toPlainText();
}

QString InspectorPanel::answerText() const
{
    return m_answer->toPlainText();
}

namespace {
constexpr quint32 BothSplitters = 0x46494d32; // "FIM2": the list's splitter, then request/answer
}

QByteArray InspectorPanel::splitterState() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << BothSplitters << m_outer->saveState() << m_split->saveState();
    return state;
}

void InspectorPanel::restoreSplitterState(const QByteArray &state)
{
    QDataStream in(state);
    quint32 magic = 0;
    in >> magic;
    if (magic != BothSplitters) { // the request/answer splitter's alone
        m_split->restoreState(state);
        return;
    }
    QByteArray list;
    QByteArray split;
    in >> list >> split;
    if (in.status() != QDataStream::Ok)
        return;
    m_outer->restoreState(list);
    m_split->restoreState(split);
}
