/** JMH benchmarks of imelab's hot paths; each benchmark class runs a reference beside our code. */
package org.imelab.bench;
