# estab_part(NAME FOLDER folder [HEADERS h…] [PUBLIC_LINKS l…] [PRIVATE_LINKS l…] [EXCLUDE f…])
#
# Declares one part of estab: a static library of src/FOLDER/*.cpp whose include path holds
#   - a view of its own public headers: BUILD/parts/NAME/public/estab/H for each H of HEADERS,
#     a link to include/estab/H (exported to whatever links the part), and
#   - a view of its own private folder: BUILD/parts/NAME/private/FOLDER, a link to src/FOLDER
#     (for the part alone),
# so that `#include "estab/H"` compiles only for a header of this part or of a part it links,
# and `#include "FOLDER/x.hpp"` only inside FOLDER.

set(ESTAB_CLAIMED_HEADERS "" CACHE INTERNAL "public headers claimed by a part")

function(estab_part name)
  cmake_parse_arguments(PART "" "FOLDER" "HEADERS;PUBLIC_LINKS;PRIVATE_LINKS;EXCLUDE" ${ARGN})
  set(public_view ${PROJECT_BINARY_DIR}/parts/${name}/public)
  set(private_view ${PROJECT_BINARY_DIR}/parts/${name}/private)
  file(REMOVE_RECURSE ${PROJECT_BINARY_DIR}/parts/${name})
  file(MAKE_DIRECTORY ${public_view}/estab ${private_view})
  foreach(header ${PART_HEADERS})
    if(NOT EXISTS ${PROJECT_SOURCE_DIR}/include/estab/${header})
      message(FATAL_ERROR "${name}: include/estab/${header} does not exist")
    endif()
    file(CREATE_LINK ${PROJECT_SOURCE_DIR}/include/estab/${header}
         ${public_view}/estab/${header} SYMBOLIC)
  endforeach()
  file(CREATE_LINK ${PROJECT_SOURCE_DIR}/src/${PART_FOLDER} ${private_view}/${PART_FOLDER}
       SYMBOLIC)
  set(claimed ${ESTAB_CLAIMED_HEADERS} ${PART_HEADERS})
  set(ESTAB_CLAIMED_HEADERS "${claimed}" CACHE INTERNAL "public headers claimed by a part")

  file(GLOB sources CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/src/${PART_FOLDER}/*.cpp)
  foreach(excluded ${PART_EXCLUDE})
    list(REMOVE_ITEM sources ${PROJECT_SOURCE_DIR}/src/${PART_FOLDER}/${excluded})
  endforeach()
  add_library(${name} STATIC ${sources})
  target_include_directories(${name} PUBLIC ${public_view} PRIVATE ${private_view})
  target_link_libraries(${name} PUBLIC ${PART_PUBLIC_LINKS}
                        PRIVATE ${PART_PRIVATE_LINKS} estab_warnings)
  set_target_properties(${name} PROPERTIES ESTAB_FOLDER ${PART_FOLDER})
endfunction()

# Every public header belongs to exactly one part.
function(estab_check_headers_claimed)
  file(GLOB headers RELATIVE ${PROJECT_SOURCE_DIR}/include/estab
       ${PROJECT_SOURCE_DIR}/include/estab/*.hpp)
  foreach(header ${headers})
    list(FIND ESTAB_CLAIMED_HEADERS ${header} found)
    if(found EQUAL -1)
      message(FATAL_ERROR "include/estab/${header} belongs to no part: add it to one estab_part")
    endif()
  endforeach()
  set(ESTAB_CLAIMED_HEADERS "" CACHE INTERNAL "public headers claimed by a part")
endfunction()

# Writes FILE: one line per part, "NAME FOLDER INCLUDE_DIRS" (the directories separated by ';'),
# the include path each part really compiles with, for the layering test (tests/layering).
function(estab_write_layering_manifest file)
  set(lines "")
  foreach(part ${ARGN})
    get_target_property(folder ${part} ESTAB_FOLDER)
    string(APPEND lines "${part} ${folder} $<TARGET_PROPERTY:${part},INCLUDE_DIRECTORIES>\n")
  endforeach()
  file(GENERATE OUTPUT ${file} CONTENT "${lines}")
endfunction()
