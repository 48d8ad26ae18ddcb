/** The OCF script bridge: every {@code /usr/lib/ocf/resource.d} script as a Vigil agent. Private package. */
package io.vigil.agent.ocfbridge;
