#include "window/savecasedialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

SaveCaseDialog::SaveCaseDialog(const SuiteCase &suiteCase, const QString &suitePath, QWidget *parent)
    : QDialog(parent)
    , m_case(suiteCase)
{
    setWindowTitle(tr("Save Cursor as Case"));
    m_name = new QLineEdit(suiteCase.name, this);
    m_expected = new QPlainTextEdit(suiteCase.expected.value_or(QString()), this);
    m_expected->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_expected->setPlaceholderText(tr("What the answer should be; empty: the case expects nothing in particular"));
    m_expected->setTabChangesFocus(true);
    m_path = new QLineEdit(suitePath, this);
    m_path->setPlaceholderText(tr("a .jsonl file; it is made if it does not exist"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString chosen = QFileDialog::getSaveFileName(this, tr("Suite File"), m_path->text().isEmpty() ? QDir::homePath() : m_path->text(),
                                                            tr("Prompt suites (*.jsonl);;All files (*)"), nullptr,
                                                            QFileDialog::DontConfirmOverwrite);
        if (!chosen.isEmpty())
            m_path->setText(chosen);
    });
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *what = new QLabel(tr("%n character(s) before the cursor and %1 after it, as a request would send them.", nullptr,
                               int(suiteCase.request.prompt.size()))
                                .arg(suiteCase.request.suffix.size()),
                            this);
    what->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #c62828;"));
    m_error->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Expected answer:"), m_expected);
    form->addRow(tr("Suite file:"), pathRow);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SaveCaseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(what);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, 320);
}

SaveCaseDialog::~SaveCaseDialog() = default;

QString SaveCaseDialog::suitePath() const
{
    return m_path->text().trimmed();
}

void SaveCaseDialog::accept()
{
    SuiteCase c = m_case;
    c.name = m_name->text().trimmed();
    const QString expected = m_expected->toPlainText();
    c.expected = expected.isEmpty() ? std::nullopt : std::optional<QString>(expected);
    QString error;
    if (c.name.isEmpty())
        error = tr("The case needs a name.");
    else if (suitePath().isEmpty())
        error = tr("Choose the suite file to add the case to.");
    else if (!PromptSuite::append(suitePath(), c, &error))
        error = tr("%1 — nothing was saved; choose another file.").arg(error);
    if (!error.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_case = c;
    QDialog::accept();
}
