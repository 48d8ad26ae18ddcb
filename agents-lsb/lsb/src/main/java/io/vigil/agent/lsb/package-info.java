/** {@code lsb:<script>} agents for init scripts. Private package. */
package io.vigil.agent.lsb;
