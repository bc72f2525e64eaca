#include "mainwindow.h"

#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QStatusBar>

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_editor(new QPlainTextEdit(this))
{
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_editor->setPlainText(QStringLiteral("def calculate_sum(a, b):\n    \n\nresult = calculate_sum(5, 3)\nprint(result)\n"));
    setCentralWidget(m_editor);
    statusBar()->showMessage(tr("Ready"));
    connect(m_editor->document(), &QTextDocument::modificationChanged, this, &MainWindow::updateTitle);
    updateTitle();
    resize(1000, 700);
}

MainWindow::~MainWindow() = default;

void MainWindow::updateTitle()
{
    setWindowTitle(tr("Untitled") + QStringLiteral("[*]"));
    setWindowModified(m_editor->document()->isModified());
}
