#pragma once

#include "extracontext/extracontextassembler.h"
#include "extracontext/pinnedsources.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;
class QTreeWidget;
class QTreeWidgetItem;

// The Context panel: the extra context a request may carry beside prefix and suffix, by source —
// pinned files and folders, recent edits of this file, the ring — each chunk with its file, lines,
// size in tokens, why it is there and whether the last request carried it (or left it out, and
// why). Switches per source, the budget, and how this server is sent the chunks. A passive view:
// the window owns the context and answers its signals. Files and folders dropped on it are pinned.
class ContextPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContextPanel)

public:
    struct State
    {
        QList<PinnedSources::Entry> pinned;
        QList<ContextItem> edits;
        QList<ContextItem> ring;
        int ringCapacity = 0;
        std::optional<ContextSelection> last; // of the last request; nullopt before the first
    };

    explicit ContextPanel(QWidget *parent = nullptr);

    void setState(const State &state);
    void setChoice(const ContextChoice &choice);
    ContextChoice choice() const;
    // How the server in use is sent the chunks, in words.
    void setServerNote(const QString &text);
    void setWarming(bool on);
    // Only llama-server's cache is warmed: the switch shows for it alone.
    void setWarmingAvailable(bool available);
    QTreeWidget *tree() const { return m_tree; }

signals:
    void choiceChanged(const ContextChoice &choice);
    void pinRequested(const QString &path);
    void unpinRequested(const QString &path);
    void ringChunkRemoved(quint64 serial);
    void openRequested(const QString &path, int line);
    void pinFileRequested();   // File ▸ Pin File as Context…
    void pinFolderRequested();
    void warmingToggled(bool on);

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QTreeWidgetItem *group(const QString &title, bool on, int role);
    void addItem(QTreeWidgetItem *parent, const ContextItem &item, const std::optional<ContextSelection> &last);
    void updateButtons();
    void removeSelected();
    void pinSelected();
    void openSelected();

    QTreeWidget *m_tree;
    QSpinBox *m_budget;
    QCheckBox *m_warm;
    QLabel *m_summary;
    QLabel *m_serverNote;
    QPushButton *m_pin;
    QPushButton *m_remove;
    QPushButton *m_open;
    QTreeWidgetItem *m_pinnedGroup = nullptr;
    QTreeWidgetItem *m_editsGroup = nullptr;
    QTreeWidgetItem *m_ringGroup = nullptr;
    bool m_updating = false;
};
