// rrtf sample: RRTF step 1 (method.md §1.1). For each training record, k answers
// from the student and k from each teacher, each model at its own temperature
// and in its own prompt format, appended to SAMPLES.jsonl one line per (record,
// model) (format: engine/training/answer_samples.h). The data's own teacher
// answers are carried as one more teacher line per record. Resumable: lines
// already in the file are not sampled again, and a partial last line left by a
// kill is rewritten.
#include "cli_support.h"
#include "training_support.h"

#include "runtime/error.h"
#include "training/answer_samples.h"
#include "training/sampling.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <utility>

namespace rrtf::cli {
namespace {

struct SampleArgs {
    std::string data;
    std::string out;
    std::string student;
    std::vector<std::string> teachers;
    int k = 4;
    double studentTemperature = 0.8;
    double teacherTemperature = 0.2;
    double topP = 0.95;
    int maxNewTokens = 512;
    std::uint64_t seed = 1;
    std::string studentTemplate = "pangu";
    std::vector<std::string> teacherTemplates{"alpaca"};
    int batchRecords = 8;
    int batchRows = 64;
    bool noDataAnswers = false;
    bool quiet = false;
    ModelOptions device;
};

struct PlannedModel {
    SamplingModel identity;
    RecordSamplingOptions options;
    std::vector<const TrainingRecord*> todo;  // records without a line for this model yet
};

bool same(double a, double b) { return std::abs(a - b) < 1e-6; }

// A line already in the file must have been sampled as this run would sample it;
// otherwise the file would mix two settings under one model.
void checkMatches(const SampleGroup& existing, const SampleGroup& planned, int k)
{
    std::string differs;
    if (int(existing.answers.size()) != k)
        differs = "k " + std::to_string(existing.answers.size()) + " (this run: " + std::to_string(k) + ")";
    else if (!same(existing.temperature.value_or(-1), planned.temperature.value_or(-1)))
        differs = "temperature " + std::to_string(existing.temperature.value_or(0)) + " (this run: " +
                  std::to_string(*planned.temperature) + ")";
    else if (!same(existing.topP, planned.topP))
        differs = "top_p " + std::to_string(existing.topP) + " (this run: " + std::to_string(planned.topP) + ")";
    else if (existing.promptTemplate != planned.promptTemplate)
        differs = "template " + existing.promptTemplate + " (this run: " + planned.promptTemplate + ")";
    else if (existing.seed != planned.seed || existing.maxNewTokens != planned.maxNewTokens)
        differs = "another --seed or --max-new-tokens";
    if (!differs.empty())
        throw InvalidArgument(existing.location + ": " + existing.modelName + " was sampled with " + differs +
                              "; resume with the same options or write to another --out");
}

int runSample(const SampleArgs& args)
{
    if (args.k < 1)
        throw InvalidArgument("--k must be at least 1, not " + std::to_string(args.k));
    if (args.batchRecords < 1)
        throw InvalidArgument("--batch-records must be at least 1, not " + std::to_string(args.batchRecords));
    TrainingReadOptions read;
    read.requireTests = false;  // answers can be sampled before tests are written; rank needs them
    const std::vector<TrainingRecord> records = loadTrainingRecords(args.data, read);

    std::vector<PlannedModel> models;
    const auto teacherTemplates = templatesFor(args.teacherTemplates, std::max<std::size_t>(1, args.teachers.size()),
                                               "--teacher-template");
    auto plan = [&](const std::string& dir, AnswerRole role, PromptTemplateKind kind, double temperature) {
        PlannedModel model{describeModel(dir, role), {}, {}};
        model.options.promptTemplate = kind;
        model.options.samplesPerRecord = args.k;
        model.options.temperature = temperature;
        model.options.topP = args.topP;
        model.options.seed = args.seed;
        model.options.maxNewTokens = args.maxNewTokens;
        for (const PlannedModel& other : models)
            if (other.identity.role == role && other.identity.dir == model.identity.dir)
                throw InvalidArgument("--teacher " + dir + " is given twice");
        models.push_back(std::move(model));
    };
    plan(args.student, AnswerRole::Student, parsePromptTemplate(args.studentTemplate), args.studentTemperature);
    for (std::size_t t = 0; t < args.teachers.size(); ++t)
        plan(args.teachers[t], AnswerRole::Teacher, teacherTemplates[t], args.teacherTemperature);

    const SampleFileState state = scanSampleFile(args.out);
    if (state.partialTail && !args.quiet)
        std::fprintf(stderr, "rrtf: %s ends in a partial line (an interrupted run); it is sampled again\n",
                     args.out.c_str());
    std::set<std::string> taskIds;
    for (const TrainingRecord& record : records)
        taskIds.insert(record.taskId);
    std::map<std::pair<std::string, std::string>, const SampleGroup*> existing;  // by (task id, model key)
    for (const SampleGroup& group : state.groups) {
        if (!taskIds.count(group.taskId))
            throw FormatError(group.location + ": task_id \"" + group.taskId + "\" is not in " + args.data +
                              " (was the file written for other data?)");
        existing.emplace(std::make_pair(group.taskId, group.modelKey()), &group);
    }

    long pendingSamples = 0;
    for (PlannedModel& model : models)
        for (const TrainingRecord& record : records) {
            const SampleGroup planned = emptySampleGroup(record, model.identity, model.options);
            const auto it = existing.find({record.taskId, planned.modelKey()});
            if (it != existing.end())
                checkMatches(*it->second, planned, args.k);
            else
                model.todo.push_back(&record);
        }
    for (const PlannedModel& model : models)
        pendingSamples += long(model.todo.size()) * args.k;

    SampleFileWriter writer(args.out, state.completeBytes);
    int dataLines = 0;
    if (!args.noDataAnswers)
        for (const TrainingRecord& record : records)
            if (auto group = dataTeacherGroup(record); group && !existing.count({record.taskId, group->modelKey()})) {
                writer.append(*group);
                ++dataLines;
            }

    CancellationToken cancel;
    cancelOnInterrupt(cancel);
    Progress progress(!args.quiet);
    long tokens = 0;
    long finishedSamples = 0;
    int newLines = 0;
    for (const PlannedModel& model : models) {
        if (model.todo.empty() || cancel.isCancelled())
            continue;
        LoadedModel loaded = loadModel(model.identity, args.device, args.quiet);
        Generator generator(*loaded.lm, loaded.tokenizer.get());
        GenerateOptions options;
        options.cancel = cancel;
        options.maxBatchRows = args.batchRows;
        options.onToken = [&](const TokenEvent&) {
            ++tokens;
            progress.update(int(finishedSamples), int(pendingSamples), tokens);
            return true;
        };
        for (std::size_t start = 0; start < model.todo.size() && !cancel.isCancelled();
             start += std::size_t(args.batchRecords)) {
            std::vector<TrainingRecord> batch;
            for (std::size_t i = start; i < std::min(model.todo.size(), start + std::size_t(args.batchRecords)); ++i)
                batch.push_back(*model.todo[i]);
            for (const SampleGroup& group :
                 sampleRecords(generator, *loaded.lm, *loaded.tokenizer, batch, model.identity, model.options, options)) {
                writer.append(group);
                ++newLines;
                finishedSamples += long(group.answers.size());
            }
            progress.update(int(finishedSamples), int(pendingSamples), tokens, true);
        }
    }
    progress.restart();
    std::printf("%d new lines in %s (%d with the data's teacher answers, %ld samples generated); %zu lines were "
                "there already\n",
                newLines + dataLines, args.out.c_str(), dataLines, finishedSamples, state.groups.size());
    if (cancel.isCancelled()) {
        std::fprintf(stderr, "rrtf: cancelled; %ld of %ld samples written, run the same command again to resume\n",
                     finishedSamples, pendingSamples);
        return 130;
    }
    return 0;
}

}  // namespace

void addSampleCommand(CLI::App& app)
{
    auto args = std::make_shared<SampleArgs>();
    CLI::App* command = app.add_subcommand(
        "sample", "RRTF step 1: sample k answers per training record from the student and each teacher");
    command->add_option("data", args->data, "Training records (rrtf JSONL: task_id, instruction, tests, answers)")
        ->required();
    command->add_option("--student", args->student, "The student model's folder (the model being trained)")
        ->required();
    // One value per occurrence, so that "--teacher T data.jsonl" does not take the data for a teacher.
    command->add_option("--teacher", args->teachers, "A teacher model's folder (repeatable)")->allow_extra_args(false);
    command->add_option("--out", args->out, "SAMPLES.jsonl: one line per (record, model), appended")->required();
    command->add_option("--k", args->k, "Answers per record and model")->capture_default_str();
    command->add_option("--student-temperature", args->studentTemperature, "The student's sampling temperature (0 = greedy)")
        ->capture_default_str();
    command->add_option("--teacher-temperature", args->teacherTemperature, "The teachers' sampling temperature (0 = greedy)")
        ->capture_default_str();
    command->add_option("--top-p", args->topP, "Nucleus sampling mass in (0, 1]")->capture_default_str();
    command->add_option("--max-new-tokens", args->maxNewTokens, "Most tokens per answer")->capture_default_str();
    command->add_option("--seed", args->seed, "Run seed; each (record, model) draws from its own stream")
        ->capture_default_str();
    command->add_option("--student-template", args->studentTemplate,
                        "The student's prompt format: raw, alpaca or pangu (the paper's training format)")
        ->capture_default_str();
    command->add_option("--teacher-template", args->teacherTemplates,
                        "The teachers' prompt format: one for all, or one per --teacher (repeatable)")
        ->allow_extra_args(false)
        ->capture_default_str();
    command->add_option("--batch-records", args->batchRecords, "Records generated together (continuous batching)")
        ->capture_default_str();
    command->add_option("--batch-rows", args->batchRows, "Sequences decoded together")->capture_default_str();
    command->add_flag("--no-data-answers", args->noDataAnswers, "Do not carry the data's own teacher answers");
    command->add_flag("--quiet", args->quiet, "No progress on stderr");
    addDeviceOptions(*command, args->device);
    command->callback([args] {
        if (int code = runSample(*args); code != 0)
            throw CLI::RuntimeError(code);
    });
}

}  // namespace rrtf::cli
