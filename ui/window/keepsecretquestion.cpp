#include "window/keepsecretquestion.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPushButton>

bool askToKeepForSession(QWidget *parent, const QString &refusals)
{
    const auto tr = [](const char *text) { return QCoreApplication::translate("SettingsDialog", text); };
    QMessageBox box(QMessageBox::Warning, tr("The Key Was Not Stored"),
                    tr("The system keychain could not store the key typed here:\n%1\n\nKeep it for this session only? It "
                       "stays in memory until the playground quits and is never written to the settings file.")
                        .arg(refusals),
                    QMessageBox::NoButton, parent);
    QPushButton *keep = box.addButton(tr("Keep for This Session"), QMessageBox::AcceptRole);
    box.addButton(tr("Back to Settings"), QMessageBox::RejectRole);
    box.setDefaultButton(keep);
    box.exec();
    return box.clickedButton() == keep;
}
