import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';

// Only what bar charts draw: the rest of Chart.js stays out of the bundle. This file is imported
// dynamically (see LOAD_CHART), so even this part loads only when a chart is first shown.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

export { Chart };
