// The demo pack: three small GPTBigCode models that the project's own pipeline
// trained (bench/rrtf_demo), the held-out problems they are shown on, and the
// data of a ready RRTF-versus-SFT training job. It ships read-only beside the
// programs (share/rrtf/demo) and is described by its demo.json:
//
//   {"models": [{"name": "StarCoder (demo)", "folder": "models/starcoder-demo",
//                "template": "raw", "recipe": "..."}, ...],
//    "problems": "problems.jsonl", "showcase": "heldout/sum_range/3",
//    "training": {"base": "models/starcoder-demo", "rankings": "training/rankings.jsonl",
//                 "eval_problems": "training/eval-problems.jsonl", "config": {...},
//                 "jobs": [{"name": "rrtf", "config": {"objective": "rrtf", ...}}, ...]}}
//
// Paths are relative to the folder holding demo.json.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace rrtf {

struct DemoModel {
    std::string name;            // the slot's name, "StarCoder (demo)"
    std::filesystem::path dir;   // Hugging Face folder, absolute
    std::string promptTemplate;  // raw | alpaca | pangu: the one it was trained with
    std::string recipe;          // how it was made, one sentence
};

struct DemoTrainingJob {
    std::string name;       // "rrtf", "sft": the run folder's suffix
    nlohmann::json config;  // a complete config.json, paths absolute
};

struct DemoPack {
    std::filesystem::path folder;
    std::vector<DemoModel> models;
    std::filesystem::path problems;  // the demo problem set, held out from all training
    std::string showcaseTaskId;      // a problem the models answer differently
    std::vector<DemoTrainingJob> trainingJobs;
};

// Reads FOLDER/demo.json. FormatError naming the file and the field for a
// malformed manifest or a file it names that is missing.
DemoPack readDemoPack(const std::filesystem::path& folder);

// Where the shipped pack is: $RRTF_DEMO_DIR when set, else PREFIX/share/rrtf/demo
// beside the running program (runtime/install_layout.h); empty when it holds no demo.json.
std::filesystem::path installedDemoPack();

}  // namespace rrtf
