# What every CMake project here but copy/ shares (tests/cpp_header.rs moves
# copy/ into a scratch directory on its own): the Qt example in C++17 on
# Qt 6, where this repository is (NETCODES_SOURCE_DIR), and
# netcodes_example(TARGET), the program built from main.cpp and linked with
# the netcodes target the project got its own way.
set(CMAKE_CXX_STANDARD 17)
set(CMAKE_CXX_STANDARD_REQUIRED ON)

find_package(Qt6 REQUIRED COMPONENTS Core Network)

set(NETCODES_SOURCE_DIR "${CMAKE_CURRENT_LIST_DIR}/../../.." CACHE PATH "A checkout of netcodes")
set(NETCODES_EXAMPLE_SOURCE "${CMAKE_CURRENT_LIST_DIR}/main.cpp")

function(netcodes_example netcodes_target)
  add_executable(netcodes_cpp_example "${NETCODES_EXAMPLE_SOURCE}")
  target_link_libraries(netcodes_cpp_example PRIVATE ${netcodes_target} Qt6::Core Qt6::Network)
endfunction()
