package dev.skylift.sim;

import dev.skylift.plan.MigrationPlan;

/**
 * One way of deciding the migration order, as the simulator compares them (in the manner of a
 * cache simulator's policies): a name users select it by, whether it draws random numbers (then it
 * is run several times with different seeds), whether it works online (without the graph, from the
 * traffic it observes as VMs move), and the plan it makes for a scenario.
 */
public interface Strategy {

    /** The name users select it by, e.g. {@code rcm}. */
    String name();

    /** One line saying what it does. */
    String description();

    /** Whether its result depends on the seed. */
    boolean randomized();

    /** Whether it decides without knowing the graph, from traffic observed while VMs move. */
    boolean online();

    /** Its plan for {@code scenario}; {@code seed} drives any randomness. */
    MigrationPlan plan(Scenario scenario, long seed);
}
