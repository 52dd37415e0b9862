# Writes a help2man include file (OUT) with one section per poolviz-cli command, each the text of
# `poolviz-cli help COMMAND` kept as it is printed (no filling), so the man page lists every option.
# Run with -DCLI=<poolviz-cli> -DOUT=<file>.
set(text "")
foreach(command pool backward unpool animate)
    execute_process(COMMAND ${CLI} help ${command} OUTPUT_VARIABLE help RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${CLI} help ${command} failed (${rc})")
    endif()
    string(REPLACE "\\" "\\e" help "${help}")
    string(REPLACE "-" "\\-" help "${help}")
    # A line starting with . or ' would be read as a roff request.
    string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" help "${help}")
    string(TOUPPER ${command} title)
    string(APPEND text "[COMMAND ${title}]\n.nf\n${help}.fi\n\n")
endforeach()
file(WRITE ${OUT} "${text}")
