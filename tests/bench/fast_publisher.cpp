// A deliberately simple, fast load generator for the benchmarks: libmosquitto
// straight from C, QoS 0, seed-style JSON payloads (~110 bytes) spread over
// a fixed number of topics. It is the "broker side" of every benchmark and is
// also used against mosquitto_sub so that both are fed the same stream.
//
// usage: fast_publisher HOST PORT COUNT TOPICS [RATE_PER_S] [RETAIN 0|1] [PREFIX]
// RATE_PER_S 0 = as fast as the socket takes it. Prints one JSON line.
#include <mosquitto.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

namespace {

std::string topicFor(const std::string &prefix, long i)
{
    // factory/{site}/{building}/{line}/{asset}/{measurement}: 10 sites x 10 lines x ... as needed
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s/site-%ld/building-%ld/line-%ld/asset-%ld/telemetry",
                  prefix.c_str(), i % 10, (i / 10) % 10, (i / 100) % 10, i / 1000);
    return buf;
}

int flush(mosquitto *mosq)
{
    while (mosquitto_want_write(mosq)) {
        const int rc = mosquitto_loop_write(mosq, 1);
        if (rc != MOSQ_ERR_SUCCESS)
            return rc;
    }
    return MOSQ_ERR_SUCCESS;
}

void onConnect(mosquitto *, void *connected, int rc)
{
    *static_cast<int *>(connected) = rc == 0 ? 1 : -1;
}

} // namespace

int main(int argc, char **argv)
{
    if (argc < 5) {
        std::fprintf(stderr, "usage: %s HOST PORT COUNT TOPICS [RATE_PER_S] [RETAIN] [PREFIX]\n", argv[0]);
        return 2;
    }
    const char *host = argv[1];
    const int port = std::atoi(argv[2]);
    const long count = std::atol(argv[3]);
    const long topics = std::max(1L, std::atol(argv[4]));
    const double rate = argc > 5 ? std::atof(argv[5]) : 0.0;
    const bool retain = argc > 6 && std::atoi(argv[6]) != 0;
    const std::string prefix = argc > 7 ? argv[7] : "bench";

    mosquitto_lib_init();
    int connected = 0;
    mosquitto *mosq = mosquitto_new(nullptr, true, &connected);
    mosquitto_connect_callback_set(mosq, onConnect);
    if (!mosq || mosquitto_connect(mosq, host, port, 60) != MOSQ_ERR_SUCCESS) {
        std::fprintf(stderr, "fast_publisher: cannot connect to %s:%d\n", host, port);
        return 1;
    }
    // Read the CONNACK first: a socket closed with unread data is reset, and
    // the broker then loses whatever it had not read yet.
    while (connected == 0 && mosquitto_loop(mosq, 100, 1) == MOSQ_ERR_SUCCESS) {
    }
    if (connected != 1) {
        std::fprintf(stderr, "fast_publisher: the broker refused the connection\n");
        return 1;
    }

    std::vector<std::string> names;
    names.reserve(static_cast<size_t>(topics));
    for (long t = 0; t < topics; ++t)
        names.push_back(topicFor(prefix, t));

    const auto start = std::chrono::steady_clock::now();
    char payload[256];
    for (long i = 0; i < count; ++i) {
        const int len = std::snprintf(payload, sizeof payload,
            "{\"timestamp\":%ld,\"deviceId\":\"asset-%ld\",\"measurements\":[{\"name\":\"temperature\",\"value\":%ld.%ld,\"unit\":\"celsius\",\"quality\":\"good\"}]}",
            1760000000000L + i, i % topics, 20 + i % 50, i % 10);
        int rc = mosquitto_publish(mosq, nullptr, names[static_cast<size_t>(i % topics)].c_str(), len, payload, 0, retain);
        if (rc == MOSQ_ERR_SUCCESS && (i & 63) == 63)
            rc = flush(mosq);
        if (rc != MOSQ_ERR_SUCCESS) {
            std::fprintf(stderr, "fast_publisher: publish %ld failed: %s\n", i, mosquitto_strerror(rc));
            return 1;
        }
        if (rate > 0) {
            const auto due = start + std::chrono::duration<double>(static_cast<double>(i + 1) / rate);
            std::this_thread::sleep_until(due);
        }
    }
    flush(mosq);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    // DISCONNECT, then wait for the broker to close: everything before it has been read.
    mosquitto_disconnect(mosq);
    while (mosquitto_loop(mosq, 100, 1) == MOSQ_ERR_SUCCESS) {
    }
    mosquitto_destroy(mosq);
    mosquitto_lib_cleanup();
    std::printf("{\"published\":%ld,\"seconds\":%.3f,\"rate\":%.0f}\n", count, seconds, seconds > 0 ? count / seconds : 0.0);
    return 0;
}
