// The start-up benchmark's baseline: the smallest Qt Widgets program that paints a window, quitting
// at its first paint, as fim-playground does under FIM_EXIT_AFTER_FIRST_PAINT. As it does, it says
// when that frame was done ("first paint at NS", the system clock) on stderr.
#include <QApplication>
#include <QEvent>
#include <QPlainTextEdit>

#include <chrono>
#include <cstdio>

namespace {
class Editor final : public QPlainTextEdit
{
protected:
    void paintEvent(QPaintEvent *e) override
    {
        QPlainTextEdit::paintEvent(e);
        if (m_painted)
            return;
        m_painted = true;
        QMetaObject::invokeMethod(qApp, [] {
            const auto now = std::chrono::system_clock::now().time_since_epoch();
            std::fprintf(stderr, "first paint at %lld\n", static_cast<long long>(std::chrono::nanoseconds(now).count()));
            QCoreApplication::quit();
        }, Qt::QueuedConnection);
    }

private:
    bool m_painted = false;
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
