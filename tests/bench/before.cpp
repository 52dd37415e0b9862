// Compiled with -Dpoolviz=poolviz_before against the earlier commit's core headers and sources.
#include "before.h"

#include "pool.h"

#include <algorithm>

namespace bench_before {

class Job
{
public:
    poolviz::Tensor input;
    poolviz::Tensor grad;
    poolviz::PoolParams params;
    bool indices = false;
    bool backward = false;
};

std::shared_ptr<Job> prepare(const float *data, int c, int h, int w, int mode, int kernel,
                             int stride, bool indices, bool backward)
{
    auto job = std::make_shared<Job>();
    job->input = poolviz::Tensor(1, c, h, w);
    std::copy(data, data + job->input.size(), job->input.data().begin());
    job->params.mode = poolviz::PoolMode(mode);
    job->params.kernel = {kernel, kernel};
    job->params.stride = poolviz::Size2{stride, stride};
    job->indices = indices;
    job->backward = backward;
    if (backward) {
        const poolviz::PoolResult r = poolviz::forward(job->input, job->params, false);
        job->grad = poolviz::Tensor(1, c, r.values.h(), r.values.w(), 1.0f);
    }
    return job;
}

void run(Job &job)
{
    if (job.backward) {
        poolviz::Tensor g = poolviz::backward(job.input, job.params, job.grad);
        asm volatile("" : : "r"(g.data().data()) : "memory");
    } else {
        poolviz::PoolResult r = poolviz::forward(job.input, job.params, job.indices);
        asm volatile("" : : "r"(r.values.data().data()) : "memory");
    }
}

} // namespace bench_before
