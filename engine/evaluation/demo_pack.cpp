#include "evaluation/demo_pack.h"

#include "runtime/error.h"
#include "runtime/install_layout.h"

#include <fstream>

namespace rrtf {
namespace {

using nlohmann::json;

class ManifestReader {
public:
    ManifestReader(std::filesystem::path file, std::filesystem::path folder)
        : m_file(std::move(file)), m_folder(std::move(folder))
    {
    }

    [[noreturn]] void fail(const std::string& field, const std::string& why) const
    {
        throw FormatError(m_file.string() + ": \"" + field + "\": " + why);
    }

    std::string text(const json& object, const std::string& field, const std::string& where) const
    {
        const auto value = object.find(field);
        if (value == object.end() || !value->is_string() || value->get<std::string>().empty())
            fail(where + field, "missing or not a non-empty string");
        return value->get<std::string>();
    }

    // A path the manifest names, resolved against its folder; it must exist.
    std::filesystem::path existing(const json& object, const std::string& field, const std::string& where) const
    {
        const std::filesystem::path path = m_folder / text(object, field, where);
        if (!std::filesystem::exists(path))
            fail(where + field, path.string() + " does not exist");
        return std::filesystem::absolute(path).lexically_normal();
    }

    const json& member(const json& object, const std::string& field, json::value_t type, const std::string& where) const
    {
        const auto value = object.find(field);
        if (value == object.end() || value->type() != type)
            fail(where + field, std::string("missing or not ") + (type == json::value_t::array ? "a list" : "an object"));
        return *value;
    }

private:
    std::filesystem::path m_file;
    std::filesystem::path m_folder;
};

std::vector<DemoTrainingJob> readTrainingJobs(const ManifestReader& reader, const json& training)
{
    json shared = reader.member(training, "config", json::value_t::object, "training.");
    shared["model"] = reader.existing(training, "base", "training.").string();
    shared["rankings"] = reader.existing(training, "rankings", "training.").string();
    shared["eval_problems"] = reader.existing(training, "eval_problems", "training.").string();
    std::vector<DemoTrainingJob> jobs;
    const json& list = reader.member(training, "jobs", json::value_t::array, "training.");
    for (std::size_t i = 0; i < list.size(); ++i) {
        const std::string where = "training.jobs[" + std::to_string(i) + "].";
        if (!list[i].is_object())
            reader.fail(where.substr(0, where.size() - 1), "not an object");
        DemoTrainingJob job;
        job.name = reader.text(list[i], "name", where);
        job.config = shared;
        job.config.update(reader.member(list[i], "config", json::value_t::object, where));
        jobs.push_back(std::move(job));
    }
    return jobs;
}

}  // namespace

DemoPack readDemoPack(const std::filesystem::path& folder)
{
    const std::filesystem::path file = folder / "demo.json";
    std::ifstream stream(file);
    if (!stream)
        throw FormatError(file.string() + ": cannot read the demo pack's manifest");
    json manifest;
    try {
        manifest = json::parse(stream);
    } catch (const json::exception& error) {
        throw FormatError(file.string() + ": not valid JSON (" + error.what() + ")");
    }
    const ManifestReader reader(file, folder);
    if (!manifest.is_object())
        reader.fail("", "the manifest is not a JSON object");

    DemoPack pack;
    pack.folder = std::filesystem::absolute(folder).lexically_normal();
    const json& models = reader.member(manifest, "models", json::value_t::array, "");
    for (std::size_t i = 0; i < models.size(); ++i) {
        const std::string where = "models[" + std::to_string(i) + "].";
        if (!models[i].is_object())
            reader.fail(where.substr(0, where.size() - 1), "not an object");
        DemoModel model;
        model.name = reader.text(models[i], "name", where);
        model.dir = reader.existing(models[i], "folder", where);
        model.promptTemplate = reader.text(models[i], "template", where);
        model.recipe = models[i].value("recipe", "");
        pack.models.push_back(std::move(model));
    }
    pack.problems = reader.existing(manifest, "problems", "");
    pack.showcaseTaskId = manifest.value("showcase", "");
    if (const auto training = manifest.find("training"); training != manifest.end())
        pack.trainingJobs = readTrainingJobs(reader, *training);
    return pack;
}

std::filesystem::path installedDemoPack()
{
    const std::filesystem::path shipped = installedFile(InstallDir::Data, "demo", "RRTF_DEMO_DIR");
    std::error_code error;
    if (std::filesystem::exists(shipped / "demo.json", error))
        return std::filesystem::weakly_canonical(shipped, error);
    return {};
}

}  // namespace rrtf
