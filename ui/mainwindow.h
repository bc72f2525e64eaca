#pragma once

#include <QMainWindow>

class QPlainTextEdit;

// The playground's main window: the code editor in the centre, panels docked around it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    QPlainTextEdit *editor() const { return m_editor; }

private:
    void updateTitle();

    QPlainTextEdit *m_editor = nullptr;
};
