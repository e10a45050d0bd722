# The communication graph from flow records, in mawk: the same grouping as `skylift graph`.
# Usage: mawk -f bench/flows-graph.awk INVENTORY.csv FLOWS.csv   (both with a header line;
# the inventory's second column holds the VM's addresses separated by ';').
# Addresses become VMs through the inventory; a record between two VMs adds its bytes, packets and
# one flow to the unordered VM pair; one end outside adds to that VM's external bytes; neither end
# known counts as unmapped. Unlike Skylift it checks no field and does not normalise IPv6 text.
BEGIN { FS = "," }
FNR == 1 { next }
NR == FNR { n = split($2, ips, ";"); for (i = 1; i <= n; i++) vm[ips[i]] = $1; next }
{
    s = ($3 in vm) ? vm[$3] : ""
    d = ($5 in vm) ? vm[$5] : ""
    if (s != "" && d != "") {
        if (s == d) { same++; next }
        k = (s < d) ? s " " d : d " " s
        bytes[k] += $8; packets[k] += $9; flows[k]++
        mapped++; mappedBytes += $8
    } else if (s != "" || d != "") {
        external[(s != "") ? s : d] += $8
        externalCount++; externalBytes += $8
    } else {
        unmapped++
    }
}
END {
    for (k in bytes) {
        pairs++
        if (out != "") printf "%s %.0f\n", k, bytes[k] > out
    }
    printf "mawk: pairs=%d mapped=%d mapped-bytes=%.0f external=%d external-bytes=%.0f unmapped=%d same-vm=%d\n", \
        pairs, mapped, mappedBytes, externalCount, externalBytes, unmapped, same
}
