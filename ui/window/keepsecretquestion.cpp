#include "window/keepsecretquestion.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

namespace {
// Messages under the context "SettingsDialog"; lupdate reads it from here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(SettingsDialog)
};
} // namespace

bool askToKeepForSession(QWidget *parent, const QString &refusals)
{
    QMessageBox box(QMessageBox::Warning, Tr::tr("The Key Was Not Stored"),
                    Tr::tr("The system keychain could not store the key typed here:\n%1\n\nKeep it for this session only? It "
                           "stays in memory until the playground quits and is never written to the settings file.")
                        .arg(refusals),
                    QMessageBox::NoButton, parent);
    QPushButton *keep = box.addButton(Tr::tr("Keep for This Session"), QMessageBox::AcceptRole);
    box.addButton(Tr::tr("Back to Settings"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == keep;
}
