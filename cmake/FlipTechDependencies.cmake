# Every package look-up of the project, in one place.
# Gui: QImage re-encodes uploaded images (the headless build links no Widgets).
set(FLIPTECH_QT_COMPONENTS Core Concurrent Gui Network Sql HttpServer WebSockets Test)
if(FLIPTECH_GUI)
  list(APPEND FLIPTECH_QT_COMPONENTS Widgets Charts Svg)  # Svg: the icon set
endif()
find_package(Qt6 ${FLIPTECH_QT_MIN} REQUIRED COMPONENTS ${FLIPTECH_QT_COMPONENTS})
find_package(Qt6 ${FLIPTECH_QT_MIN} QUIET COMPONENTS LinguistTools)
find_package(PostgreSQL REQUIRED)   # libpq: COPY and LISTEN for bulk and events
find_package(Qt6Keychain REQUIRED)   # SecretStore: the OS keychain
find_package(Threads REQUIRED)
find_package(LibXml2 REQUIRED)     # net: the HTML parser and XPath
find_package(CURL REQUIRED)        # net: HttpClient (the multi interface)

find_program(CCACHE_PROGRAM ccache)
if(CCACHE_PROGRAM)
  set(CMAKE_CXX_COMPILER_LAUNCHER ${CCACHE_PROGRAM})
endif()
