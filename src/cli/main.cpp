// estab: annual establishment (staffing) review calculator.
#include <iostream>

#include "cli/app.hpp"

int main(int argc, char** argv) {
  return estab::cli::run(argc, argv, std::cout, std::cerr);
}
