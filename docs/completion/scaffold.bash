# bash completion for scaffold: asks the tool itself through System.CommandLine's [suggest:N] directive.
_scaffold_complete() {
    local IFS=$'\n'
    local cur="${COMP_WORDS[COMP_CWORD]}"
    COMPREPLY=($(compgen -W "$(scaffold "[suggest:${COMP_POINT}]" "${COMP_LINE}" 2>/dev/null)" -- "$cur"))
}
complete -o default -F _scaffold_complete scaffold
