/**
 * Payara's data grid (Hazelcast), for the little that the nodes of a cluster must share beyond the HTTP session,
 * which Payara replicates itself. Without a grid (a single node started with {@code --nohazelcast}), the same maps
 * live in this node's memory. It uses nothing of the app's other packages.
 */
package dev.payaracognito.cluster;
