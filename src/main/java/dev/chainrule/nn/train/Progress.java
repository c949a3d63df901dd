package dev.chainrule.nn.train;

/**
 * Where training stands and what the current epoch has accumulated so far: the sums behind the
 * epoch's mean loss and its accuracy (correct predictions) or RMSE (squared errors). All of it goes
 * into a checkpoint, so an epoch interrupted halfway reports the same numbers after a resume.
 */
final class Progress {

    int epochsCompleted;
    int batchesIntoEpoch;
    long step;
    double lossSum;
    double metricSum;
    long samplesSeen;

    void recordBatch(double loss, double metric, int samples) {
        lossSum += loss;
        metricSum += metric;
        samplesSeen += samples;
        batchesIntoEpoch++;
        step++;
    }

    void finishEpoch() {
        epochsCompleted++;
        batchesIntoEpoch = 0;
        lossSum = 0;
        metricSum = 0;
        samplesSeen = 0;
    }
}
