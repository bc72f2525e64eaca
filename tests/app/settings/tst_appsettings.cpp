#include "settings/appsettings.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestAppSettings : public QObject
{
    Q_OBJECT

private slots:
    // The look for local servers happens at the first start only: what says it happened must come
    // back from the file (a "general/" key went to [%General] and never did, so every start looked
    // again and wrote the settings).
    void localServersProbedComesBack()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const SettingsStore store(dir.filePath(QStringLiteral("settings.conf")));
        AppSettings settings = store.load();
        QVERIFY(!settings.localServersProbed);
        settings.localServersProbed = true;
        QVERIFY(store.save(settings));
        QVERIFY(store.load().localServersProbed);
        QVERIFY(store.save(store.load())); // saved again: still there, said once
        QFile file(store.path());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QCOMPARE(text.count("local_servers_probed"), 1);
        QVERIFY(!text.contains("%General"));
        QVERIFY(store.load().localServersProbed);
    }

    // A file written before, with the key in [%General] (twice, as every start appended it): the
    // next save leaves no trace of it.
    void oldGeneralSectionGoes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("settings.conf"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("[%General]\nlocal_servers_probed=true\n\n[history]\nenabled=false\n\n[%General]\nlocal_servers_probed=true\n");
        }
        const SettingsStore store(path);
        AppSettings settings = store.load();
        QVERIFY(!settings.historyEnabled);
        settings.localServersProbed = true;
        QVERIFY(store.save(settings));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY2(!text.contains("%General"), text.constData());
        QVERIFY(store.load().localServersProbed);
        QVERIFY(!store.load().historyEnabled);
    }
};

QTEST_GUILESS_MAIN(TestAppSettings)
#include "tst_appsettings.moc"
