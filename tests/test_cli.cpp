// Unit tests of the command-line layer: exit codes, atomic output, the starter file.
#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

#include "cli/app.hpp"
#include "cli/atomic_file.hpp"
#include "cli/commands.hpp"
#include "estab/load.hpp"
#include "support/test_support.hpp"

using namespace estab;
using namespace estab::testing;

namespace {

struct RunResult {
  int exit_code;
  std::string out;
  std::string err;
};

RunResult run_estab(std::vector<const char*> arguments) {
  arguments.insert(arguments.begin(), "estab");
  std::ostringstream out;
  std::ostringstream err;
  const int code = cli::run(static_cast<int>(arguments.size()), arguments.data(), out, err);
  return {code, out.str(), err.str()};
}

}  // namespace

TEST_CASE("exit codes follow the documented list", "[cli]") {
  CHECK(run_estab({"validate", example("atu.yaml").c_str()}).exit_code == 0);
  const std::string bad = source_path("tests/bad/typo.yaml");
  CHECK(run_estab({"validate", bad.c_str()}).exit_code == 1);
  CHECK(run_estab({"review", "--format", "yaml", example("atu.yaml").c_str()}).exit_code == 2);
  CHECK(run_estab({"review", "/nonexistent/file.yaml"}).exit_code == 3);
  CHECK(run_estab({"--help"}).exit_code == 0);
}

TEST_CASE("the first 100 problems are printed and the rest counted, and --all-errors prints all",
          "[cli]") {
  std::string text =
      "estab: 1\nprofessions:\n  - {id: rn, registered: true}\nteams:\n  - id: ward\n"
      "    staffing: [{profession: rn, hours_per_week: 30}]\n";
  for (int index = 0; index < 150; ++index) text += "wrong_" + std::to_string(index) + ": 1\n";
  const std::string path = (scratch_directory("cli-many-problems") / "many.yaml").string();
  std::ofstream(path) << text;
  const RunResult capped = run_estab({"validate", path.c_str()});
  CHECK(capped.exit_code == 1);
  CHECK(std::count(capped.err.begin(), capped.err.end(), '\n') == 102);
  CHECK_THAT(capped.err, Catch::EndsWith(path +
                                         ":106:1: error: unknown key 'wrong_99'\n"
                                         "estab: … and 50 more problems (--all-errors lists every "
                                         "one)\nestab: 150 problems in " +
                                         path + "\n"));
  const RunResult every = run_estab({"--all-errors", "validate", path.c_str()});
  CHECK(every.exit_code == 1);
  CHECK(std::count(every.err.begin(), every.err.end(), '\n') == 151);
  CHECK_THAT(every.err, Catch::EndsWith(path +
                                        ":156:1: error: unknown key 'wrong_149'\n"
                                        "estab: 150 problems in " +
                                        path + "\n"));
  const RunResult json = run_estab({"validate", "--format", "json", path.c_str()});
  const auto document = nlohmann::json::parse(json.out);
  const auto& problems = document["files"][0]["problems"];
  REQUIRE(problems.size() == 101);
  CHECK(problems[100]["message"] == "… and 50 more problems (--all-errors lists every one)");
  CHECK(problems[100]["line"] == 0);
}

TEST_CASE("warnings past the first 100 are counted, and --all-errors lists them", "[cli]") {
  std::string text = "estab: 1\nprofessions:\n  - {id: rn, registered: true}\nteams:\n";
  for (int index = 0; index < 120; ++index) {  // a sickness of 30% warns once per line
    text +=
        "  - id: t" + std::to_string(index) +
        "\n    staffing: [{profession: rn, hours_per_week: 30, assumptions: {sickness: 30%}}]\n";
  }
  const std::string path = (scratch_directory("cli-many-warnings") / "warns.yaml").string();
  std::ofstream(path) << text;
  const RunResult capped = run_estab({"validate", path.c_str()});
  CHECK(capped.exit_code == 0);
  CHECK(std::count(capped.err.begin(), capped.err.end(), '\n') == 101);
  CHECK_THAT(capped.err,
             Catch::EndsWith("estab: … and 20 more warnings (--all-errors lists every one)\n"));
  const RunResult every = run_estab({"--all-errors", "validate", path.c_str()});
  CHECK(std::count(every.err.begin(), every.err.end(), '\n') == 120);
  CHECK_THAT(every.err, Catch::EndsWith(path + ":244:77: warning: teams[t119].staffing[rn]."
                                               "assumptions.sickness: sickness of 30.0% of "
                                               "contracted time is above 20%, where NHS services "
                                               "usually run at 3% to 6%\n"));
  const RunResult strict = run_estab({"--strict", "validate", path.c_str()});
  CHECK(strict.exit_code == 1);
  CHECK_THAT(strict.err, Catch::Contains("… and 20 more problems"));
}

TEST_CASE("JSON output is JSON whatever bytes the file name holds", "[cli]") {
  const std::string path =
      (scratch_directory("cli-latin1-name") / "caf\xE9\xFF.yaml").string();  // not UTF-8
  std::ofstream(path) << "estab: 1\nteams: 7\n";
  const RunResult json = run_estab({"validate", "--format", "json", path.c_str()});
  CHECK(json.exit_code == 1);
  nlohmann::json document;
  REQUIRE_NOTHROW(document = nlohmann::json::parse(json.out));
  const std::string file = document["files"][0]["file"];
  CHECK_THAT(file, Catch::EndsWith("caf\xEF\xBF\xBD\xEF\xBF\xBD.yaml"));  // U+FFFD twice
}

TEST_CASE("problems keep control characters out of every validate format", "[cli]") {
  const std::string path = (scratch_directory("cli-control-key") / "keys.yaml").string();
  std::ofstream(path) << "estab: 1\nprofessions:\n  - {id: rn, registered: true}\nteams:\n"
                         "  - id: ward\n    staffing:\n      - profession: rn\n"
                         "        hours_per_\x7f\x1b[2J: 1\n";
  const std::string expected = "unknown key 'hours_per_??[2J'";
  const RunResult table = run_estab({"validate", path.c_str()});
  CHECK(table.exit_code == 1);
  CHECK_THAT(table.err, Catch::Contains(expected));
  const RunResult json = run_estab({"validate", "--format", "json", path.c_str()});
  nlohmann::json document;
  REQUIRE_NOTHROW(document = nlohmann::json::parse(json.out));
  bool found = false;
  for (const auto& problem : document["files"][0]["problems"]) {
    const std::string message = problem["message"];
    found = found || message.rfind(expected, 0) == 0;
  }
  CHECK(found);
  CHECK(json.out.find('\x7f') == std::string::npos);
  CHECK(json.out.find("\\u001b") == std::string::npos);
}

TEST_CASE("a --change out of range is named as written, not as rounded", "[cli]") {
  const RunResult result =
      run_estab({"sensitivity", example("atu.yaml").c_str(), "--change", "100.0000001%"});
  CHECK(result.exit_code == 2);
  CHECK(result.err ==
        "estab: error: --change must be more than 0% and less than 100%, got 100.0000001%\n");
}

TEST_CASE("the starter file written by init validates as written", "[cli]") {
  const Model model = load_model_text(cli::starter_file_text(), "estab.yaml");
  CHECK(model.teams.size() == 1);
  CHECK(model.professions.size() == 2);
  const auto directory = scratch_directory("init");
  const std::string target = (directory / "new").string();
  REQUIRE(run_estab({"init", target.c_str()}).exit_code == 0);
  CHECK(read_all(directory / "new" / "estab.yaml") == cli::starter_file_text());
  CHECK(run_estab({"init", target.c_str()}).exit_code == 3);
  CHECK(run_estab({"init", target.c_str(), "--force"}).exit_code == 0);
}

TEST_CASE("atomic writes replace the whole file and leave nothing behind", "[cli]") {
  const auto directory = scratch_directory("atomic");
  const auto target = directory / "out.csv";
  cli::write_file_atomically(target.string(), "first\n");
  cli::write_file_atomically(target.string(), "second\n");
  CHECK(read_all(target) == "second\n");
  CHECK(std::distance(std::filesystem::directory_iterator(directory),
                      std::filesystem::directory_iterator()) == 1);
  CHECK_THROWS_AS(cli::write_file_atomically((directory / "no" / "such.csv").string(), "x"),
                  FileError);
}

TEST_CASE("a symbolic link is kept and its target replaced, and a long name still fits", "[cli]") {
  namespace fs = std::filesystem;
  const auto directory = scratch_directory("atomic-link");
  fs::create_directories(directory / "real");
  const auto target = directory / "real" / "out.csv";
  std::ofstream(target) << "old\n";
  fs::create_symlink(fs::path("real") / "out.csv", directory / "link.csv");
  cli::write_file_atomically((directory / "link.csv").string(), "new\n");
  CHECK(fs::is_symlink(fs::symlink_status(directory / "link.csv")));
  CHECK(read_all(target) == "new\n");
  // A dangling link gets its target created, as a shell's `>` would.
  fs::create_symlink(fs::path("real") / "made.csv", directory / "dangling.csv");
  cli::write_file_atomically((directory / "dangling.csv").string(), "made\n");
  CHECK(read_all(directory / "real" / "made.csv") == "made\n");
  // The temporary name beside a 250-byte name stays within the 255 a folder allows.
  const auto long_name = directory / (std::string(246, 'n') + ".csv");
  cli::write_file_atomically(long_name.string(), "long\n");
  CHECK(read_all(long_name) == "long\n");
  CHECK(std::distance(fs::directory_iterator(directory / "real"), fs::directory_iterator()) == 2);
  // Links that go round in a loop are refused, as the shell refuses them.
  fs::create_symlink("loop-b.csv", directory / "loop-a.csv");
  fs::create_symlink("loop-a.csv", directory / "loop-b.csv");
  CHECK_THROWS_WITH(cli::write_file_atomically((directory / "loop-a.csv").string(), "x"),
                    Catch::EndsWith("loop-a.csv': Too many levels of symbolic links"));
}

TEST_CASE("a device or a pipe is written to in place, and its write errors reported", "[cli]") {
  namespace fs = std::filesystem;
  if (fs::exists("/dev/full")) {
    CHECK_THROWS_WITH(cli::write_file_atomically("/dev/full", "x"),
                      "cannot write '/dev/full': No space left on device");
  }
  const auto fifo = scratch_directory("atomic-fifo") / "pipe";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  const pid_t reader = ::fork();
  REQUIRE(reader >= 0);
  if (reader == 0) {  // the child reads the pipe into a file
    std::ifstream in(fifo);
    std::ofstream(fifo.string() + ".read") << in.rdbuf();
    ::_exit(0);
  }
  cli::write_file_atomically(fifo.string(), "through the pipe\n");
  int status = 0;
  ::waitpid(reader, &status, 0);
  CHECK(fs::is_fifo(fifo));
  CHECK(read_all(fifo.string() + ".read") == "through the pipe\n");
}

TEST_CASE("a signal that ends the program part way through a write leaves no file behind",
          "[cli]") {
  namespace fs = std::filesystem;
  for (const int signal_number : {SIGINT, SIGTERM, SIGHUP}) {
    INFO(signal_number);
    const auto directory = scratch_directory("atomic-signal-" + std::to_string(signal_number));
    const pid_t writer = ::fork();
    REQUIRE(writer >= 0);
    if (writer == 0) {
      for (const int reset : {SIGINT, SIGTERM, SIGHUP}) std::signal(reset, SIG_DFL);  // not Catch's
      cli::AtomicOutputFile file((directory / "out.csv").string());
      file.stream() << std::string(std::size_t{3} << 20, 'x');
      std::raise(signal_number);
      ::_exit(0);  // not reached: the signal ends the program
    }
    int status = 0;
    ::waitpid(writer, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == signal_number);
    CHECK(fs::is_empty(directory));
  }
}

TEST_CASE("an output file is replaced only when it is committed", "[cli]") {
  const auto directory = scratch_directory("commit");
  const auto target = directory / "out.csv";
  cli::write_file_atomically(target.string(), "old\n");
  {
    cli::AtomicOutputFile file(target.string());
    file.stream() << "half of a new file";
    CHECK(read_all(target) == "old\n");
  }  // destroyed without commit: abandoned
  CHECK(read_all(target) == "old\n");
  CHECK(std::distance(std::filesystem::directory_iterator(directory),
                      std::filesystem::directory_iterator()) == 1);

  // Larger than the write buffer, so it is written in several pieces.
  const std::string large(3 * 1024 * 1024 + 17, 'x');
  cli::AtomicOutputFile file(target.string());
  file.stream() << large;
  file.commit();
  CHECK(read_all(target) == large);
  CHECK(std::distance(std::filesystem::directory_iterator(directory),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("a renderer that fails part way leaves the output file untouched", "[cli]") {
  const auto directory = scratch_directory("render-fails");
  const auto target = directory / "review.csv";
  cli::write_file_atomically(target.string(), "keep me\n");
  std::ostringstream out;
  std::ostringstream err;
  cli::Console console{out, err};
  const auto failing_renderer = [](std::ostream& stream) {
    stream << "a first record\n";
    throw std::runtime_error("rendering failed");
  };
  CHECK_THROWS_AS(cli::deliver(failing_renderer, target.string(), {}, console), std::runtime_error);
  CHECK(read_all(target) == "keep me\n");
  CHECK(std::distance(std::filesystem::directory_iterator(directory),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("an output file that the run reads is refused, however it is spelt", "[cli]") {
  const auto directory = scratch_directory("output-is-input");
  const std::string plan = (directory / "plan.yaml").string();
  cli::write_file_atomically(plan, "estab: 1\n");
  std::filesystem::create_directory(directory / "sub");
  std::filesystem::create_symlink(plan, directory / "link.yaml");
  std::filesystem::create_hard_link(plan, directory / "hard.yaml");
  const auto refusal = [&](const std::string& output) {
    try {
      cli::check_output_is_not_input(output, {"--set", plan});
    } catch (const estab::UsageError& error) {
      return std::string(error.what());
    }
    return std::string("accepted");
  };
  CHECK(refusal(plan) ==
        "--output " + plan + ": this run reads that file; write the output to another file");
  for (const std::string& other_spelling :
       {(directory / "sub" / ".." / "plan.yaml").string(), (directory / "link.yaml").string(),
        (directory / "hard.yaml").string()}) {
    CHECK(refusal(other_spelling) == "--output " + other_spelling + " is " + plan +
                                         ", which this run reads; write the output to another "
                                         "file");
  }
  CHECK(refusal((directory / "new.csv").string()) == "accepted");
  CHECK(refusal("") == "accepted");
  CHECK(read_all(plan) == "estab: 1\n");
}

TEST_CASE("a failing run leaves an existing output file untouched", "[cli]") {
  const auto directory = scratch_directory("keep");
  const auto target = directory / "review.json";
  {
    std::ofstream file(target);
    file << "keep me\n";
  }
  const std::string bad = source_path("tests/bad/wrong-type.yaml");
  const std::string output = target.string();
  const RunResult result =
      run_estab({"review", bad.c_str(), "--format", "json", "--output", output.c_str()});
  CHECK(result.exit_code == 1);
  CHECK(read_all(target) == "keep me\n");
  CHECK(std::distance(std::filesystem::directory_iterator(directory),
                      std::filesystem::directory_iterator()) == 1);
}

TEST_CASE("output to a stream that is not a terminal has no colour", "[cli]") {
  const RunResult result = run_estab({"gaps", example("atu.yaml").c_str()});
  CHECK(result.exit_code == 0);
  CHECK(result.out.find('\x1b') == std::string::npos);
}

TEST_CASE("the formats each command writes are the ones docs/OUTPUT.md lists", "[cli]") {
  const std::string docs = read_all(source_path("docs/OUTPUT.md"));
  const std::vector<std::string> formats = {"table", "csv", "json", "markdown", "html", "xlsx"};
  const std::string atu = example("atu.yaml");
  for (const char* command : {"validate", "uplift", "establishment", "gaps", "review", "compare",
                              "sensitivity", "explain", "sources"}) {
    INFO(command);
    std::vector<const char*> arguments = {command, atu.c_str()};
    if (std::string(command) == "compare") arguments.push_back(atu.c_str());
    arguments.push_back("--format");
    arguments.push_back("nonsense");
    const RunResult result = run_estab(arguments);
    REQUIRE(result.exit_code == 2);
    // CLI11 names the allowed values: "--format: nonsense not in {table,csv,json}".
    const std::size_t open = result.err.find('{');
    const std::size_t close = result.err.find('}', open);
    REQUIRE(close != std::string::npos);
    const std::string allowed = "," + result.err.substr(open + 1, close - open - 1) + ",";
    std::string row = "| `" + std::string(command) + "` |";
    for (const std::string& format : formats) {
      row += allowed.find("," + format + ",") != std::string::npos ? " yes |" : " |";
    }
    CHECK(docs.find(row + "\n") != std::string::npos);
  }
}
