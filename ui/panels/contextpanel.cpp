#include "panels/contextpanel.h"

#include <QCheckBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace {
enum Role { KindRole = Qt::UserRole + 1, PathRole, LineRole, SerialRole };
enum Kind { PinnedEntry = 1, PinnedChunk, EditChunk, RingChunk, GroupPinned, GroupEdits, GroupRing };
enum Column { ChunkColumn, TokensColumn, WhyColumn, SentColumn };
} // namespace

ContextPanel::ContextPanel(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_budget(new QSpinBox(this))
    , m_warm(new QCheckBox(tr("&Warm llama-server's cache"), this))
    , m_summary(new QLabel(this))
    , m_serverNote(new QLabel(this))
    , m_pin(new QPushButton(tr("&Pin"), this))
    , m_remove(new QPushButton(tr("&Remove"), this))
    , m_open(new QPushButton(tr("&Open"), this))
{
    setAcceptDrops(true);
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Chunk"), tr("Tokens"), tr("Why"), tr("Last request")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setSectionResizeMode(ChunkColumn, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    for (int c : {TokensColumn, WhyColumn, SentColumn})
        m_tree->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_tree->setAccessibleName(tr("Extra context chunks"));
    m_budget->setRange(0, 131072);
    m_budget->setSingleStep(256);
    m_budget->setSuffix(tr(" tokens"));
    m_budget->setValue(ContextChoice::DefaultBudget);
    m_budget->setToolTip(tr("At most this many tokens of extra context (estimated, 4 characters a token); never more than "
                            "the server's context leaves beside prefix, suffix and the answer."));
    m_budget->setAccessibleName(tr("Context budget"));
    m_warm->setChecked(true);
    m_warm->setToolTip(tr("When the context changes and typing pauses for a second, llama-server evaluates the next "
                          "request's prompt ahead (n_predict 0, marked \"warm-up\" in the latency table), so the next "
                          "completion starts from its cache (the Cached column)."));
    connect(m_warm, &QCheckBox::toggled, this, &ContextPanel::warmingToggled);
    m_serverNote->setWordWrap(true);
    m_serverNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);

    auto *pinFile = new QPushButton(tr("Pin &File…"), this);
    auto *pinFolder = new QPushButton(tr("Pin Fol&der…"), this);
    pinFile->setToolTip(tr("Send a file's text with every request (also: drop files or folders here)"));
    pinFolder->setToolTip(tr("Send a folder's files of the editor's language with every request"));
    m_pin->setToolTip(tr("Pin the file this chunk comes from"));
    m_remove->setToolTip(tr("Unpin, or drop the chunk from the ring"));
    m_open->setToolTip(tr("Open the chunk's file at its first line"));

    // The keyboard goes as the controls are laid out: the top row, the chunks, the buttons under them.
    const QList<QWidget *> order{m_budget, m_warm, pinFile, pinFolder, m_tree, m_pin, m_remove, m_open};
    for (qsizetype i = 1; i < order.size(); ++i)
        setTabOrder(order.at(i - 1), order.at(i));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Budget:"), this));
    top->addWidget(m_budget);
    top->addWidget(m_warm);
    top->addStretch();
    top->addWidget(pinFile);
    top->addWidget(pinFolder);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_pin);
    buttons->addWidget(m_remove);
    buttons->addWidget(m_open);
    buttons->addStretch();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(top);
    layout->addWidget(m_serverNote);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);

    m_pinnedGroup = group(tr("Pinned files and folders"), true, GroupPinned);
    m_editsGroup = group(tr("Recent edits of this file"), true, GroupEdits);
    m_ringGroup = group(tr("Ring (opened, saved, copied, cursor jumps)"), true, GroupRing);

    connect(m_budget, &QSpinBox::valueChanged, this, [this] {
        if (!m_updating)
            emit choiceChanged(choice());
    });
    connect(m_tree, &QTreeWidget::itemChanged, this, [this](QTreeWidgetItem *item, int column) {
        if (!m_updating && column == ChunkColumn && item->parent() == nullptr)
            emit choiceChanged(choice());
    });
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ContextPanel::updateButtons);
    connect(m_tree, &QTreeWidget::itemActivated, this, [this] { openSelected(); });
    connect(pinFile, &QPushButton::clicked, this, &ContextPanel::pinFileRequested);
    connect(pinFolder, &QPushButton::clicked, this, &ContextPanel::pinFolderRequested);
    connect(m_pin, &QPushButton::clicked, this, &ContextPanel::pinSelected);
    connect(m_remove, &QPushButton::clicked, this, &ContextPanel::removeSelected);
    connect(m_open, &QPushButton::clicked, this, &ContextPanel::openSelected);
    setState({});
}

QTreeWidgetItem *ContextPanel::group(const QString &title, bool on, int role)
{
    auto *item = new QTreeWidgetItem(m_tree, {title});
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
    item->setCheckState(ChunkColumn, on ? Qt::Checked : Qt::Unchecked);
    item->setData(ChunkColumn, KindRole, role);
    item->setToolTip(ChunkColumn, tr("Unchecked: this source sends nothing"));
    QFont bold = item->font(ChunkColumn);
    bold.setBold(true);
    item->setFont(ChunkColumn, bold);
    item->setExpanded(true);
    return item;
}

void ContextPanel::setChoice(const ContextChoice &c)
{
    m_updating = true;
    m_pinnedGroup->setCheckState(ChunkColumn, c.pinned ? Qt::Checked : Qt::Unchecked);
    m_editsGroup->setCheckState(ChunkColumn, c.edits ? Qt::Checked : Qt::Unchecked);
    m_ringGroup->setCheckState(ChunkColumn, c.ring ? Qt::Checked : Qt::Unchecked);
    m_budget->setValue(c.budgetTokens);
    m_updating = false;
}

ContextChoice ContextPanel::choice() const
{
    ContextChoice c;
    c.pinned = m_pinnedGroup->checkState(ChunkColumn) == Qt::Checked;
    c.edits = m_editsGroup->checkState(ChunkColumn) == Qt::Checked;
    c.ring = m_ringGroup->checkState(ChunkColumn) == Qt::Checked;
    c.budgetTokens = m_budget->value();
    return c;
}

void ContextPanel::setWarming(bool on)
{
    const QSignalBlocker blocker(m_warm);
    m_warm->setChecked(on);
}

void ContextPanel::setWarmingAvailable(bool available)
{
    m_warm->setVisible(available);
}

void ContextPanel::setServerNote(const QString &text)
{
    m_serverNote->setText(text);
    m_serverNote->setVisible(!text.isEmpty());
}

void ContextPanel::addItem(QTreeWidgetItem *parent, const ContextItem &item, const std::optional<ContextSelection> &last)
{
    const QLocale locale;
    auto *row = new QTreeWidgetItem(parent);
    row->setText(ChunkColumn, tr("%1, lines %2–%3").arg(item.filename).arg(item.firstLine).arg(item.lastLine));
    row->setToolTip(ChunkColumn, item.text.left(2000));
    row->setText(TokensColumn, tr("≈ %1").arg(locale.toString(item.estimatedTokens())));
    row->setTextAlignment(TokensColumn, Qt::AlignRight | Qt::AlignVCenter);
    row->setText(WhyColumn, ContextItem::reasonText(item.reason));
    const int kind = item.source == ContextItem::Source::Pinned ? PinnedChunk
        : item.source == ContextItem::Source::Edit             ? EditChunk
                                                                : RingChunk;
    row->setData(ChunkColumn, KindRole, kind);
    row->setData(ChunkColumn, PathRole, item.path);
    row->setData(ChunkColumn, LineRole, item.firstLine);
    row->setData(ChunkColumn, SerialRole, item.serial);
    if (!last)
        return;
    const auto same = [&](const ContextItem &o) {
        if (o.source != item.source || o.serial != item.serial)
            return false;
        // An edited range keeps its serial while its lines move with the text; other chunks are
        // told apart by file and lines (a pinned file's serials start again per file).
        return item.source == ContextItem::Source::Edit || (o.path == item.path && o.filename == item.filename && o.firstLine == item.firstLine);
    };
    if (std::any_of(last->sent.cbegin(), last->sent.cend(), same)) {
        row->setText(SentColumn, tr("sent"));
        return;
    }
    for (const ContextSelection::Omitted &o : last->leftOut) {
        if (same(o.item)) {
            row->setText(SentColumn, tr("left out: %1").arg(ContextSelection::leftOutText(o.why)));
            row->setForeground(SentColumn, palette().color(QPalette::PlaceholderText));
            return;
        }
    }
    row->setText(SentColumn, tr("not asked"));
    row->setForeground(SentColumn, palette().color(QPalette::PlaceholderText));
}

void ContextPanel::setState(const State &state)
{
    m_updating = true;
    m_tree->setCurrentItem(nullptr); // the rows go: none of them may stay current or selected
    m_tree->clearSelection();
    for (QTreeWidgetItem *g : {m_pinnedGroup, m_editsGroup, m_ringGroup})
        qDeleteAll(g->takeChildren());
    for (const PinnedSources::Entry &e : state.pinned) {
        auto *entry = new QTreeWidgetItem(m_pinnedGroup);
        const QString name = QFileInfo(e.path).fileName() + (e.folder ? QStringLiteral("/") : QString());
        entry->setText(ChunkColumn, e.note.isEmpty() ? name : tr("%1 — %2").arg(name, e.note));
        entry->setToolTip(ChunkColumn, e.path);
        entry->setData(ChunkColumn, KindRole, PinnedEntry);
        entry->setData(ChunkColumn, PathRole, e.path);
        entry->setData(ChunkColumn, LineRole, 1);
        if (e.state != PinnedSources::State::Ok)
            entry->setForeground(ChunkColumn, QColor(0xc0, 0x39, 0x2b));
        int tokens = 0;
        for (const ContextItem &i : e.items) {
            addItem(entry, i, state.last);
            tokens += i.estimatedTokens();
        }
        entry->setText(TokensColumn, tr("≈ %1").arg(QLocale().toString(tokens)));
        entry->setTextAlignment(TokensColumn, Qt::AlignRight | Qt::AlignVCenter);
        entry->setText(WhyColumn, ContextItem::reasonText(ContextItem::Reason::Pinned));
        entry->setExpanded(e.items.size() <= 4);
    }
    for (const ContextItem &i : state.edits)
        addItem(m_editsGroup, i, state.last);
    for (auto it = state.ring.crbegin(); it != state.ring.crend(); ++it) // newest first, as they are sent
        addItem(m_ringGroup, *it, state.last);
    m_pinnedGroup->setText(ChunkColumn, tr("Pinned files and folders (%1)").arg(state.pinned.size()));
    m_editsGroup->setText(ChunkColumn, tr("Recent edits of this file (%1)").arg(state.edits.size()));
    m_ringGroup->setText(ChunkColumn, tr("Ring: opened, saved, copied, cursor jumps (%1 of %2 chunks)").arg(state.ring.size()).arg(state.ringCapacity));
    if (!state.last) {
        m_summary->setText(tr("No request yet. Pin files (or drop them here), copy code, jump around: the next request "
                              "carries what fits the budget."));
    } else {
        const int budget = state.last->budget;
        m_summary->setText(tr("Last request: chunks sent: %1, ≈ %2 of %3 tokens; left out: %4")
                               .arg(state.last->sent.size())
                               .arg(QLocale().toString(state.last->tokens), QLocale().toString(budget))
                               .arg(state.last->leftOut.size()));
    }
    m_updating = false;
    updateButtons();
}

void ContextPanel::updateButtons()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    const int kind = item && item->isSelected() ? item->data(ChunkColumn, KindRole).toInt() : 0;
    const QString path = item ? item->data(ChunkColumn, PathRole).toString() : QString();
    m_pin->setEnabled((kind == EditChunk || kind == RingChunk) && !path.isEmpty());
    m_remove->setEnabled(kind == PinnedEntry || kind == RingChunk);
    m_open->setEnabled(!path.isEmpty() && kind != 0 && kind < GroupPinned);
}

void ContextPanel::pinSelected()
{
    if (const QTreeWidgetItem *item = m_tree->currentItem(); item && m_pin->isEnabled())
        emit pinRequested(item->data(ChunkColumn, PathRole).toString());
}

void ContextPanel::removeSelected()
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item || !m_remove->isEnabled())
        return;
    if (item->data(ChunkColumn, KindRole).toInt() == PinnedEntry)
        emit unpinRequested(item->data(ChunkColumn, PathRole).toString());
    else
        emit ringChunkRemoved(item->data(ChunkColumn, SerialRole).toULongLong());
}

void ContextPanel::openSelected()
{
    if (const QTreeWidgetItem *item = m_tree->currentItem(); item && m_open->isEnabled())
        emit openRequested(item->data(ChunkColumn, PathRole).toString(), item->data(ChunkColumn, LineRole).toInt());
}

void ContextPanel::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void ContextPanel::dropEvent(QDropEvent *event)
{
    for (const QUrl &url : event->mimeData()->urls())
        if (url.isLocalFile())
            emit pinRequested(url.toLocalFile());
    event->acceptProposedAction();
}
