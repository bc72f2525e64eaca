#include "window/shortcutsdialog.h"

#include "editor/editorkeys.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {

// A menu's or an item's shown name: no mnemonic, no key hint after a tab.
QString shownName(QString text)
{
    text = text.section(u'\t', 0, 0);
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(u'&');
    text.replace(u'\x01', u'&');
    return text;
}

void collect(QMenu *menu, const QString &path, QList<ShortcutsDialog::Row> *rows, QSet<const QAction *> *seen)
{
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        const QString here = path + QStringLiteral(" ▸ ") + shownName(a->text());
        if (a->menu()) {
            collect(a->menu(), here, rows, seen);
            continue;
        }
        seen->insert(a);
        // The first binding is the one the menu shows; the platform's others work too.
        if (!a->shortcut().isEmpty())
            rows->append({a->shortcut(), here, a->toolTip() == shownName(a->text()) ? QString() : a->toolTip()});
    }
}

} // namespace

QList<ShortcutsDialog::Row> ShortcutsDialog::rows(QMainWindow *window)
{
    QList<Row> rows;
    QSet<const QAction *> seen;
    for (QAction *top : window->menuBar()->actions())
        if (top->menu())
            collect(top->menu(), shownName(top->text()), &rows, &seen);
    // The window's own actions that no menu shows.
    for (QAction *a : window->actions())
        if (!seen.contains(a) && !a->shortcut().isEmpty())
            rows.append({a->shortcut(), tr("Window ▸ %1").arg(shownName(a->text())), a->toolTip()});
    const QString completion = shownName(QCoreApplication::translate("MainMenus", EditorKey::menuTitle));
    for (const EditorKey &k : EditorKey::all()) {
        // MainMenus' source text is the item with its key after a tab ("Accept Suggestion\tTab").
        const QByteArray source = QByteArray(k.menuItem) + '\t' + k.key.toString(QKeySequence::PortableText).toLatin1();
        rows.append({k.key, completion + QStringLiteral(" ▸ ") + shownName(QCoreApplication::translate("MainMenus", source.constData())),
                     QCoreApplication::translate("EditorKeys", k.what)});
    }
    return rows;
}

ShortcutsDialog::ShortcutsDialog(QMainWindow *window)
    : QDialog(window)
    , m_table(new QTableWidget(this))
{
    setWindowTitle(tr("Keyboard Shortcuts"));
    const QList<Row> list = rows(window);
    m_table->setColumnCount(3);
    m_table->setRowCount(int(list.size()));
    m_table->setHorizontalHeaderLabels({tr("Key"), tr("Action"), tr("What it does")});
    m_table->setAccessibleName(tr("Keyboard shortcuts"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false); // Tab goes on to Close
    for (int i = 0; i < list.size(); ++i) {
        const Row &r = list.at(i);
        m_table->setItem(i, 0, new QTableWidgetItem(r.key.toString(QKeySequence::NativeText)));
        m_table->setItem(i, 1, new QTableWidgetItem(r.path));
        m_table->setItem(i, 2, new QTableWidgetItem(r.what));
    }
    m_table->resizeColumnsToContents();
    m_table->horizontalHeader()->setStretchLastSection(true);
    auto *note = new QLabel(tr("F6 and Shift+F6 move the keyboard between the editor, the panels and the toolbar; "
                               "Tab and Shift+Tab between the controls of a panel."),
                            this);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    int width = 40;
    for (int c = 0; c < 3; ++c)
        width += m_table->columnWidth(c);
    // All rows at once where the screen has the room.
    const int rowsHeight = m_table->horizontalHeader()->sizeHint().height() + int(list.size()) * m_table->verticalHeader()->defaultSectionSize();
    resize(std::min(width, 900), std::min(rowsHeight + 4 * fontMetrics().height() + 60, 760));
}
