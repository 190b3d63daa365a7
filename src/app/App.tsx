import { Header } from '../ui/Header';
import { DatasetPanel } from '../ui/dataset/DatasetPanel';
import { ConfigPanel } from '../ui/config/ConfigPanel';
import { RecipePanel } from '../ui/config/RecipePanel';
import { Controls } from '../ui/run/Controls';
import { MetricsBar } from '../ui/run/MetricsBar';
import { LossChart } from '../ui/charts/LossChart';
import { EpochCharts } from '../ui/charts/EpochCharts';
import { LayerTable } from '../ui/layers/LayerTable';
import { FileDropTarget } from '../ui/dataset/FileDropTarget';
import { LabPanel } from '../ui/lab/LabPanel';
import { InspectPanel } from '../ui/inspect/InspectPanel';
import { Classroom } from '../ui/inspect/Classroom';

export function App() {
  return (
    <FileDropTarget>
      <Header />
      <Classroom />
      <main className="layout">
        <section className="column narrow">
          <ConfigPanel />
          <RecipePanel />
          <DatasetPanel />
        </section>
        <section className="column wide">
          <Controls />
          <MetricsBar />
          <LossChart />
          <EpochCharts />
          <InspectPanel />
          <LayerTable />
        </section>
      </main>
      <LabPanel />
    </FileDropTarget>
  );
}
