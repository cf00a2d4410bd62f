// The SQLite layer under the workspace: files that are kept, refused or left
// untouched, migrations that run once each and all-or-nothing, transactions that
// roll back, and values that come back exactly as they were bound.
#include "store/database.h"
#include "store/workspace.h"
#include "support/format_error.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdint>
#include <limits>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

using namespace rrtf;
using namespace std::string_literals;

namespace {

std::filesystem::path pathIn(const QTemporaryDir& dir, const char* name)
{
    return std::filesystem::path(dir.path().toStdString()) / name;
}

QString qpath(const std::filesystem::path& path)
{
    return QString::fromStdString(path.string());
}

std::int64_t countRows(Database& db, const std::string& table)
{
    Statement count = db.prepare("SELECT count(*) FROM " + table);
    count.step();
    return count.columnInt64(0);
}

bool hasTable(Database& db, const std::string& name)
{
    Statement find = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?");
    return find.bindAll(name).step();
}

const std::vector<Migration> kTwoMigrations{
    {"first table", "CREATE TABLE a (x INTEGER);"},
    {"second table", "CREATE TABLE b (y TEXT); INSERT INTO b VALUES ('seed');"},
};

}  // namespace

class TestDatabase : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void reopeningKeepsDataInWalMode()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir, "data.sqlite");
        {
            Database db(file);
            db.exec("CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (42);");
        }
        Database db(file);
        QCOMPARE(countRows(db, "t"), 1);
        Statement mode = db.prepare("PRAGMA journal_mode");
        QVERIFY(mode.step());
        QCOMPARE(mode.columnText(0), std::string("wal"));
        Statement keys = db.prepare("PRAGMA foreign_keys");
        QVERIFY(keys.step());
        QCOMPARE(keys.columnInt(0), 1);
    }

    void migrationFromAnEmptyFileSetsUserVersion()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir, "empty.sqlite");
        QVERIFY(test::writeBytes(qpath(file), QByteArray()));  // a zero-byte file is an empty database
        {
            Database db(file);
            QCOMPARE(db.userVersion(), 0);
            QCOMPARE(db.migrate(kTwoMigrations), 2);
            QCOMPARE(db.userVersion(), 2);
            QVERIFY(hasTable(db, "a"));
            QCOMPARE(countRows(db, "b"), 1);
        }
        Database db(file);
        QCOMPARE(db.migrate(kTwoMigrations), 2);  // nothing runs twice: "CREATE TABLE a" would fail
        QCOMPARE(countRows(db, "b"), 1);

        // A program that knows one more migration applies only that one.
        std::vector<Migration> three = kTwoMigrations;
        bool applied = false;
        three.push_back({"code step", "ALTER TABLE b ADD COLUMN z INTEGER;", [&](Database& inner) {
                             inner.exec("UPDATE b SET z = 7");
                             applied = true;
                         }});
        QCOMPARE(db.migrate(three), 3);
        QVERIFY(applied);
        Statement z = db.prepare("SELECT z FROM b");
        QVERIFY(z.step());
        QCOMPARE(z.columnInt(0), 7);
    }

    void aFailingMigrationLeavesThePreviousVersion()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir, "broken.sqlite");
        Database db(file);
        const std::vector<Migration> broken{
            kTwoMigrations[0],
            {"half done", "CREATE TABLE c (x); INSERT INTO no_such_table VALUES (1);"},
        };
        try {
            db.migrate(broken);
            QFAIL("expected a DatabaseError");
        } catch (const DatabaseError& error) {
            const QString message = QString::fromUtf8(error.what());
            QVERIFY2(message.contains(qpath(file)), qPrintable(message));
            QVERIFY2(message.contains("version 2 (half done)"), qPrintable(message));
            QVERIFY2(message.contains("no_such_table"), qPrintable(message));
        }
        QCOMPARE(db.userVersion(), 1);  // the first migration is kept...
        QVERIFY(hasTable(db, "a"));
        QVERIFY(!hasTable(db, "c"));  // ...the second left nothing behind
        QVERIFY(!db.inTransaction());
    }

    void aNewerSchemaIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir, "newer.sqlite");
        const int newer = Workspace::schemaVersion() + 5;
        {
            Database db(file);
            db.exec("CREATE TABLE future (x); PRAGMA user_version = " + std::to_string(newer));
        }
        test::expectFormatError([&] { Workspace workspace(file); },
                                {qpath(file), "schema version " + QString::number(newer), "newer than this program",
                                 "version " + QString::number(Workspace::schemaVersion())});
        test::expectFormatError([&] { Database(file).migrate(kTwoMigrations); }, {qpath(file), "newer"});
        Database db(file);
        QCOMPARE(db.userVersion(), newer);
        QVERIFY(hasTable(db, "future"));
        QVERIFY(!hasTable(db, "eval_runs"));
    }

    void aFileThatIsNotADatabaseIsRefused_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        std::mt19937 random(7);
        QByteArray noise(4096, '\0');
        for (char& byte : noise)
            byte = static_cast<char>(random());
        QTest::newRow("random bytes") << noise;
        QTest::newRow("a text file") << QByteArray("task_id,completion\nHumanEval/0,pass\n").repeated(50);
        QTest::newRow("a truncated header") << QByteArray("SQLite format 3").append('\0').append(QByteArray(600, 'x'));
    }

    void aFileThatIsNotADatabaseIsRefused()
    {
        QFETCH(QByteArray, bytes);
        QTemporaryDir dir;
        const auto file = pathIn(dir, "notes.sqlite");
        QVERIFY(test::writeBytes(qpath(file), bytes));
        test::expectFormatError([&] { Workspace workspace(file); }, {qpath(file), "not a SQLite database"});
        test::expectFormatError([&] { Database db(file); }, {qpath(file)});
        QFile read(qpath(file));
        QVERIFY(read.open(QIODevice::ReadOnly));
        QCOMPARE(read.readAll(), bytes);  // never written to
    }

    void aTransactionThatThrowsRollsBack()
    {
        QTemporaryDir dir;
        Database db(pathIn(dir, "tx.sqlite"));
        db.exec("CREATE TABLE t (x INTEGER)");
        try {
            Transaction transaction(db);
            db.prepare("INSERT INTO t VALUES (?)").bindAll(1).run();
            db.prepare("INSERT INTO t VALUES (?)").bindAll(2).run();
            throw std::runtime_error("interrupted halfway");
        } catch (const std::runtime_error&) {
        }
        QCOMPARE(countRows(db, "t"), 0);
        QVERIFY(!db.inTransaction());

        {
            Transaction transaction(db);  // the connection is usable again
            db.prepare("INSERT INTO t VALUES (?)").bindAll(3).run();
            transaction.commit();
        }
        QCOMPARE(countRows(db, "t"), 1);

        {
            Transaction transaction(db);
            db.exec("DELETE FROM t");
        }  // no commit: rolled back on leaving the scope
        QCOMPARE(countRows(db, "t"), 1);
    }

    void valuesRoundTripExactly()
    {
        QTemporaryDir dir;
        Database db(pathIn(dir, "values.sqlite"));
        db.exec("CREATE TABLE v (i INTEGER, d REAL, t TEXT, n INTEGER, b INTEGER)");
        const std::string bytes = "nul\0byte, bad utf-8 \xff\xfe, snow \xe2\x98\x83"s;
        const std::int64_t big = std::numeric_limits<std::int64_t>::max();
        db.prepare("INSERT INTO v VALUES (?, ?, ?, ?, ?)")
            .bindAll(big, 0.1 + 0.2, bytes, std::optional<int>(), true)
            .run();
        Statement row = db.prepare("SELECT i, d, t, n, b FROM v");
        QVERIFY(row.step());
        QCOMPARE(row.column<std::int64_t>(0), big);
        QCOMPARE(row.column<double>(1), 0.1 + 0.2);
        QCOMPARE(row.column<std::string>(2), bytes);
        QVERIFY(row.isNull(3));
        QCOMPARE(row.column<std::optional<int>>(3), std::optional<int>());
        QCOMPARE(row.column<std::optional<std::int64_t>>(0), std::optional<std::int64_t>(big));
        QCOMPARE(row.column<bool>(4), true);
        QVERIFY(!row.step());
    }

    void errorsNameTheFileAndSqlitesMessage()
    {
        QTemporaryDir dir;
        const auto file = pathIn(dir, "errors.sqlite");
        Database db(file);
        db.exec("CREATE TABLE t (x INTEGER NOT NULL UNIQUE)");
        auto expectError = [&](auto&& action, const QString& words) {
            try {
                action();
                QFAIL("expected a DatabaseError");
            } catch (const DatabaseError& error) {
                const QString message = QString::fromUtf8(error.what());
                QVERIFY2(message.contains(qpath(file)), qPrintable(message));
                QVERIFY2(message.contains(words), qPrintable(message));
                QVERIFY(error.code() != 0);
            }
        };
        expectError([&] { db.prepare("SELEC x FROM t"); }, "syntax error");
        db.exec("INSERT INTO t VALUES (1)");
        expectError([&] { db.prepare("INSERT INTO t VALUES (?)").bindAll(1).run(); }, "UNIQUE constraint failed");

        const auto missingFolder = pathIn(dir, "no/such/folder/x.sqlite");
        try {
            Database missing(missingFolder);
            QFAIL("expected a DatabaseError");
        } catch (const DatabaseError& error) {
            QVERIFY2(QString::fromUtf8(error.what()).contains(qpath(missingFolder)), error.what());
        }
        DatabaseOptions noCreate;
        noCreate.create = false;
        QVERIFY_THROWS_EXCEPTION(DatabaseError, Database(pathIn(dir, "absent.sqlite"), noCreate));
        QVERIFY(!std::filesystem::exists(pathIn(dir, "absent.sqlite")));
    }
};

QTEST_GUILESS_MAIN(TestDatabase)
#include "test_database.moc"
