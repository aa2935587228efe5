/** The side panel (Chrome) and sidebar (Firefox): the panel's shell is everything in it. */
import '../../panel/resmark-agent-panel.js';
