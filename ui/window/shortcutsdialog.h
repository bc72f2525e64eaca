#pragma once

#include <QDialog>

class QMainWindow;
class QTableWidget;

// Help ▸ Keyboard Shortcuts: every key of the window, made from what the window has, so it never
// drifts: each menu action's shortcut (and the window's own actions') with its menu path, and the
// keys the editor handles itself (EditorKey::all()).
class ShortcutsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsDialog)

public:
    struct Row
    {
        QKeySequence key;
        QString path; // "File ▸ Save", mnemonics and key hints left out
        QString what; // more words where the item's name says too little (the editor's keys)
    };

    explicit ShortcutsDialog(QMainWindow *window);

    // The rows for a window, in menu order, then the editor's keys.
    static QList<Row> rows(QMainWindow *window);
    QTableWidget *table() const { return m_table; }

private:
    QTableWidget *m_table;
};
