#pragma once

#include "fakeupstream.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QStringList>

#include <functional>

// Mistral's Files and Batch APIs as a fake on 127.0.0.1 (over FakeUpstream's HTTP): POST /v1/files
// takes a multipart upload and checks it (purpose "batch", a "file" part of valid {"custom_id",
// "body"} JSONL lines: a bad one is refused with 422 and noted in problems); POST /v1/batch/jobs
// makes a job of an uploaded file; GET /v1/batch/jobs/{id} moves it on (QUEUED, then RUNNING with
// progress, SUCCESS after pollsUntilDone polls, with an output file and, when a line fails, an
// error file); POST .../cancel cancels it at the next poll (the lines done so far are in its
// output); GET /v1/files/{id}/content serves the files. On demand it fails one line, loses every
// job (404 on a poll), fails whole jobs, or answers a route's next request with any reply (401, 429 with
// Retry-After, 5xx). With key set, a request without "Authorization: Bearer <key>" gets 401.
class FakeBatchServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeBatchServer)

public:
    struct Job
    {
        QString id;
        QString inputFile;
        QString model;
        QString endpoint;
        QList<QJsonObject> lines; // the uploaded {"custom_id", "body"} lines
        int polls = 0;
        QString status = QStringLiteral("QUEUED");
        bool cancelAsked = false;
        QString outputFile;
        QString errorFile;
    };

    explicit FakeBatchServer(QObject *parent = nullptr);

    bool listen() { return m_http.listen(); }
    QUrl url() const { return m_http.url(); }
    FakeUpstream &http() { return m_http; }

    // Behaviour.
    int pollsUntilDone = 3;
    QString key;           // when set, the Bearer token every request must carry
    QString failCustomId;  // this line fails: an entry of the error file, not of the output
    bool loseJobs = false; // every poll answers 404
    bool failJobs = false; // a job fails as a whole at its end: FAILED, its "errors", no output
    // The answer's text for a line's body (default: "answer:" and the prompt's last 8 characters).
    std::function<QString(const QJsonObject &body)> answer;
    // The next request whose method and path start so gets this reply instead ("GET", "/v1/batch/jobs/").
    void failNext(const QByteArray &method, const QByteArray &pathStart, const FakeUpstream::Reply &reply);

    // What happened.
    QHash<QString, Job> jobs;
    QHash<QString, QByteArray> files;
    QList<QByteArray> uploads;      // each upload's whole body, as sent
    QStringList problems;           // what was wrong with an upload or a job request
    int polls = 0;
    QStringList cancelled;          // job ids asked to cancel

private:
    void onRequest(const FakeUpstream::Recorded &request);
    FakeUpstream::Reply route(const FakeUpstream::Recorded &request);
    FakeUpstream::Reply upload(const FakeUpstream::Recorded &request);
    FakeUpstream::Reply createJob(const FakeUpstream::Recorded &request);
    FakeUpstream::Reply pollJob(Job &job);
    void finishJob(Job &job, int linesDone);
    QJsonObject jobObject(const Job &job) const;

    FakeUpstream m_http;
    struct Injected
    {
        QByteArray method;
        QByteArray pathStart;
        FakeUpstream::Reply reply;
    };
    QList<Injected> m_injected;
    int m_next = 0;
};
