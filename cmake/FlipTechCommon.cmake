# fliptech_common: the flags and Qt defines every target links (as qBittorrent's qbt_common_cfg).
add_library(fliptech_common INTERFACE)
target_compile_features(fliptech_common INTERFACE cxx_std_20)
target_compile_definitions(fliptech_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_NO_KEYWORDS
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  FLIPTECH_VERSION="${PROJECT_VERSION}")
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(fliptech_common INTERFACE -Wall -Wextra -Wpedantic)
  if(FLIPTECH_WERROR)
    target_compile_options(fliptech_common INTERFACE -Werror)
  endif()
elseif(MSVC)
  target_compile_options(fliptech_common INTERFACE /W4 /permissive- /utf-8)
endif()

# fliptech_add_module(name SOURCES ... LINKS ...): a static library fliptech_<name>
# whose public headers live in include/fliptech/<name>/.
function(fliptech_add_module name)
  # NO_UNITY: sources compiled on their own in the unity build (FLIPTECH_UNITY): they
  # define helpers of the same name as another file of the module in their anonymous namespaces.
  cmake_parse_arguments(ARG "" "" "SOURCES;LINKS;NO_UNITY" ${ARGN})
  # Headers are listed so AUTOMOC finds the Q_OBJECT classes declared in them.
  file(GLOB headers CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/include/fliptech/${name}/*.h)
  add_library(fliptech_${name} STATIC ${ARG_SOURCES} ${headers})
  target_include_directories(fliptech_${name} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_link_libraries(fliptech_${name} PUBLIC fliptech_common ${ARG_LINKS})
  if(FLIPTECH_UNITY)
    # Eight sources a compiler run: the Qt headers they share are parsed once (a clean Release
    # build of the program 7 min 43 s → 3 min 45 s on two cores). Tests and tools are one file each.
    set_target_properties(fliptech_${name} PROPERTIES UNITY_BUILD ON)
    # GCC takes a batched source for a header and warns of its classes holding anonymous-namespace
    # types, which is right in a source file.
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
      target_compile_options(fliptech_${name} PRIVATE -Wno-subobject-linkage)
    endif()
  endif()
  if(ARG_NO_UNITY)
    set_source_files_properties(${ARG_NO_UNITY} PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  endif()
  if(FLIPTECH_PCH)
    # The Qt headers nearly every file includes, parsed once per module (docs/benchmarks.md has
    # the build times with and without; off by default: ccache does not reuse precompiled headers
    # without extra sloppiness settings, and the test build leans on ccache).
    target_precompile_headers(fliptech_${name} PRIVATE <QtCore/QString> <QtCore/QStringList> <QtCore/QJsonObject> <QtCore/QJsonArray>
                              <QtCore/QJsonDocument> <QtCore/QVariant> <QtCore/QDateTime> <QtCore/QObject> <QtCore/QHash> <QtCore/QList>
                              <functional> <memory> <optional>)
    if(name STREQUAL "ui")
      target_precompile_headers(fliptech_${name} PRIVATE <QtWidgets/QWidget> <QtWidgets/QLabel> <QtWidgets/QPushButton>
                                <QtWidgets/QLineEdit> <QtWidgets/QComboBox> <QtWidgets/QVBoxLayout> <QtWidgets/QTableView>)
    endif()
  endif()
endfunction()
