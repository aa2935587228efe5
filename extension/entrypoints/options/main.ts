/** The settings page: the options element is everything in it. */
import '../../options/resmark-agent-options.js';
