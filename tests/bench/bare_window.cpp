// The start-up benchmark's baseline: the smallest Qt Widgets program that paints a window, quitting
// at its first paint, as fim-playground does under FIM_EXIT_AFTER_FIRST_PAINT.
#include <QApplication>
#include <QEvent>
#include <QPlainTextEdit>

namespace {
class Editor final : public QPlainTextEdit
{
protected:
    void paintEvent(QPaintEvent *e) override
    {
        QPlainTextEdit::paintEvent(e);
        QMetaObject::invokeMethod(qApp, &QCoreApplication::quit, Qt::QueuedConnection);
    }
};
} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Editor editor;
    editor.setPlainText(QStringLiteral("def calculate_sum(a, b):\n    \n"));
    editor.resize(1280, 820);
    editor.show();
    return app.exec();
}
