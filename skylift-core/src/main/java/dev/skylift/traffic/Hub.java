package dev.skylift.traffic;

/**
 * A VM found to be a shared service, with the evidence: how many of the other VMs it talks to and
 * what share of all traffic touches it.
 *
 * @param vm           its index in the inventory
 * @param name         its name
 * @param degree       how many other VMs it communicates with
 * @param degreeShare  degree / (VMs − 1)
 * @param weight       the total weight of its pairs (bytes by default)
 * @param weightShare  weight / the total weight of all pairs
 * @param byDegree     whether the degree share reached the threshold
 * @param byWeight     whether the weight share reached the threshold
 */
public record Hub(int vm, String name, int degree, double degreeShare, double weight, double weightShare,
                  boolean byDegree, boolean byWeight) {
}
