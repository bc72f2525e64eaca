#include "panels/resenddialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

ResendDialog::ResendDialog(EndpointKind kind, const QUrl &url, const QByteArray &body, QWidget *parent)
    : QDialog(parent)
    , m_fields(FimBackend::forKind(kind).bodyFields(url))
    , m_edit(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Edit and Resend"));
    auto *layout = new QVBoxLayout(this);
    auto *where = new QLabel(tr("POST %1 — the key, if any, is added when sending.").arg(url.toString().toHtmlEscaped()), this);
    where->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(where);
    m_edit->setObjectName(QStringLiteral("resendBody"));
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    m_edit->setPlainText(doc.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(doc.toJson(QJsonDocument::Indented)));
    layout->addWidget(m_edit, 1);
    m_status->setObjectName(QStringLiteral("resendStatus"));
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    QPushButton *send = m_buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    send->setObjectName(QStringLiteral("resendSend"));
    send->setShortcut(QKeySequence(QStringLiteral("Ctrl+Return")));
    send->setToolTip(tr("Send this body (Ctrl+Enter)"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &ResendDialog::recheck);
    resize(640, 480);
    recheck();
}

QString ResendDialog::check(const QString &text, const FimBackend::BodyFields &fields)
{
    QJsonParseError error;
    const QByteArray utf8 = text.toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(utf8, &error);
    if (error.error != QJsonParseError::NoError) {
        // The offset is in UTF-8 bytes: count lines and characters up to it.
        const QString before = QString::fromUtf8(utf8.left(error.offset));
        const qsizetype line = before.count(QLatin1Char('\n')) + 1;
        const qsizetype column = before.size() - before.lastIndexOf(QLatin1Char('\n'));
        return tr("Not valid JSON at line %1, column %2: %3.").arg(line).arg(column).arg(error.errorString());
    }
    if (!doc.isObject())
        return tr("The body must be a JSON object ({ … }).");
    const QJsonObject o = doc.object();
    for (const QString &key : fields.text) {
        const QJsonValue v = o.value(key);
        if (!v.isUndefined() && !v.isString())
            return tr("\"%1\" must be a string.").arg(key);
    }
    for (const QString &key : fields.required) {
        if (!o.contains(key))
            return tr("The body has no \"%1\": this route needs one.").arg(key);
    }
    return {};
}

void ResendDialog::recheck()
{
    m_problem = check(m_edit->toPlainText(), m_fields);
    const QString fields = QLocale().createSeparatedList(m_fields.required);
    m_status->setText(m_problem.isEmpty() ? tr("✓ A JSON object with %1: ready to send.").arg(fields) : tr("✗ %1").arg(m_problem));
    for (QAbstractButton *b : m_buttons->buttons()) {
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(m_problem.isEmpty());
    }
}

QByteArray ResendDialog::body() const
{
    if (!m_problem.isEmpty())
        return {};
    // The text as written: re-serialising could round a 64-bit seed or reorder what the user wrote.
    return m_edit->toPlainText().toUtf8();
}
